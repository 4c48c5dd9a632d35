// The monitor UI in Chromium against browser mode, with real processes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, PAGE_OPTIONS, screenshot, startBrowserModeServer, type OpenApp } from '../support/browserMode';
import { readFileSync } from 'node:fs';
import { ChildProcesses } from '../support/ChildProcesses';
import { waitFor } from '../support/waitFor';

const GENEROUS = { timeout: 20_000 };
const row = (page: Page, pid: number) => page.locator(`[data-testid="process-grid"] [role="row"][data-pid="${pid}"]`);

async function search(page: Page, query: string): Promise<void> {
  await page.fill('[data-testid="search"]', query);
}

describe('monitor UI in the browser', () => {
  let app: OpenApp;
  let page: Page;
  const children = new ChildProcesses();

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await page.selectOption('[data-testid="interval"]', '500');
  });

  afterAll(async () => {
    await app?.close();
    await children.killAll();
  });

  it('opens with the machine’s processes', async () => {
    await expect
      .poll(
        async () => Number((await page.textContent('[data-testid="process-count"]'))?.match(/\d+/)?.[0] ?? 0),
        GENEROUS,
      )
      .toBeGreaterThan(0);
    await page.locator('[data-testid="process-grid"] [role="row"][data-pid]').first().waitFor(GENEROUS);
    await screenshot(page, 'table');
  });

  it('shows a new process in the table and under its parent in the tree, then as a ghost, then not at all', async () => {
    const child = children.spawn('sleep', ['61.5']);
    await search(page, `pid=${child.pid}`);
    await row(page, child.pid).waitFor(GENEROUS);
    await expect.poll(() => row(page, child.pid).getAttribute('class')).toContain('born');
    expect(await row(page, child.pid).textContent()).toContain('sleep 61.5');

    await page.click('[data-testid="view-tree"]');
    await row(page, child.pid).waitFor(GENEROUS);
    // The filter keeps the ancestors: the row just above the child is its parent, one level up.
    const pids = await page
      .locator('[data-testid="process-grid"] [role="row"][data-pid]')
      .evaluateAll((rows) =>
        rows.map((r) => [Number(r.getAttribute('data-pid')), Number(r.getAttribute('data-depth'))]),
      );
    const at = pids.findIndex(([pid]) => pid === child.pid);
    expect(pids[at - 1]).toEqual([process.pid, pids[at]![1]! - 1]);
    await screenshot(page, 'tree');

    process.kill(child.pid, 'SIGKILL');
    await expect.poll(() => row(page, child.pid).getAttribute('class'), GENEROUS).toContain('ghost');
    await row(page, child.pid).waitFor({ state: 'detached', ...GENEROUS });
    await page.click('[data-testid="view-table"]');
  });

  it('filters zombies with state=Z, and counts matches', async () => {
    const parent = children.spawn('sh', ['-c', 'sleep 0.1 & exec sleep 62']);
    await search(page, `state=Z ppid=${parent.pid}`);
    await page.locator('[data-testid="process-grid"] [role="row"].zombie').waitFor(GENEROUS);
    await expect.poll(() => page.textContent('[data-testid="match-count"]')).toMatch(/^1 of \d+$/);
    // Not a silent "0 of N": a letter ps does not know is an error.
    await search(page, 'state=Q');
    await expect.poll(() => page.textContent('[data-testid="query-error"]')).toContain('is not a process state');
  });

  it('collapses and expands a node of the tree', async () => {
    const parent = children.spawn('sh', ['-c', 'sleep 63 & wait'], { stdio: 'ignore' });
    const sleepPid = await waitFor(
      'the shell’s child',
      () => Number(readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim()) || null,
    );
    children.adopt(sleepPid);
    await page.click('[data-testid="view-tree"]');
    await search(page, `pid=${parent.pid}`);
    // "Show subtrees of matches" is on: the sleep appears under its shell.
    await row(page, sleepPid).waitFor(GENEROUS);
    await row(page, parent.pid).locator('.tree-toggle').click();
    await row(page, sleepPid).waitFor({ state: 'detached', ...GENEROUS });
    await row(page, parent.pid).locator('.tree-toggle').click();
    await row(page, sleepPid).waitFor(GENEROUS);
  });

  it('shows the details of the selected process', async () => {
    const child = children.spawn('sleep', ['64.25']);
    await page.click('[data-testid="view-table"]');
    await search(page, `pid=${child.pid}`);
    await row(page, child.pid).click(GENEROUS);
    await expect.poll(() => page.textContent('[data-testid="argv"]'), GENEROUS).toContain('64.25');
    await page.locator('[data-testid="fd-table"]').waitFor(GENEROUS);
    await screenshot(page, 'details');
  });

  it('switches to dark and to 中文', async () => {
    await page.selectOption('[data-testid="theme"]', 'dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await search(page, '');
    await screenshot(page, 'dark');
    await page.selectOption('[data-testid="language"]', 'zh');
    await expect.poll(() => page.textContent('[data-testid="view-table"]')).toBe('表格');
    expect(await page.textContent('[data-testid="timeline"] h2')).toBe('时间线');
    await screenshot(page, 'zh');
    await page.selectOption('[data-testid="language"]', 'en');
    await page.selectOption('[data-testid="theme"]', 'light');
  });

  it('says when the connection drops and comes back by itself', async () => {
    // A second server, stopped under an open page, then started again on the same port and token.
    const first = await startBrowserModeServer();
    const { port, searchParams } = new URL(first.pageUrl);
    const other = await app.session.browser.newPage(PAGE_OPTIONS);
    let again: Awaited<ReturnType<typeof startBrowserModeServer>> | undefined;
    try {
      await other.goto(first.pageUrl);
      await other.locator('[data-testid="process-grid"] [role="row"][data-pid]').first().waitFor(GENEROUS);
      await first.stop();
      await other.locator('[data-testid="connection-banner"]').waitFor(GENEROUS);
      again = await startBrowserModeServer(['--port', port, `--token=${searchParams.get('token')}`]);
      await other.locator('[data-testid="connection-banner"]').waitFor({ state: 'detached', ...GENEROUS });
      await other.locator('[data-testid="process-grid"] [role="row"][data-pid]').first().waitFor(GENEROUS);
    } finally {
      await other.close();
      await first.stop();
      await again?.stop();
    }
  });

  it('logged no console errors', () => {
    expect(app.session.consoleErrors).toEqual([]);
  });
});
