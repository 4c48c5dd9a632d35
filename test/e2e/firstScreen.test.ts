// The first screen (issue 10, findings 9 and 13): kernel threads hidden until asked for (one
// click, remembered), a "start here" that leads into the lab, and a page opened with an old
// token that says so instead of reconnecting for ever.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, PAGE_OPTIONS, type OpenApp } from '../support/browserMode';

const GENEROUS = { timeout: 20_000 };
const rows = (page: Page) => page.locator('[data-testid="process-grid"] [role="row"][data-pid]');

describe('the first screen', () => {
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('hides kernel threads until one click shows them, and remembers it', async () => {
    await rows(page).first().waitFor(GENEROUS);
    // kthreadd (pid 2) is the parent of every kernel thread.
    await page.fill('[data-testid="search"]', 'pid=2');
    await expect.poll(() => page.textContent('[data-testid="match-count"]'), GENEROUS).toMatch(/^0 of \d+$/);
    const toggle = page.getByLabel('Hide kernel threads');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await rows(page).filter({ hasText: 'kthreadd' }).waitFor(GENEROUS);
    await page.reload();
    await page.fill('[data-testid="search"]', 'pid=2');
    await rows(page).filter({ hasText: 'kthreadd' }).waitFor(GENEROUS);
    expect(await page.getByLabel('Hide kernel threads').isChecked()).toBe(false);
    await page.getByLabel('Hide kernel threads').click();
    await page.fill('[data-testid="search"]', '');
  });

  it('says where to start, leads into the lab, and goes away for good when dismissed', async () => {
    const startHere = page.locator('[data-testid="start-here"]');
    await startHere.waitFor(GENEROUS);
    expect(await startHere.textContent()).toContain('Start here');
    await page.locator('[data-testid="start-fork"]').waitFor(GENEROUS);
    expect(await startHere.locator('li').count()).toBe(3);
    await page.click('[data-testid="start-fork"]');
    expect(await page.getAttribute('[data-testid="area-lab"]', 'aria-selected')).toBe('true');
    await expect
      .poll(() => page.textContent('[data-testid="demo-details"] h2'), GENEROUS)
      .toBe('fork: one parent, two children');
    await page.click('[data-testid="area-monitor"]');
    await page.click('[data-testid="start-here-dismiss"]');
    await startHere.waitFor({ state: 'detached' });
    await page.reload();
    await rows(page).first().waitFor(GENEROUS);
    expect(await startHere.count()).toBe(0);
  });

  it('tells a page with an old token to open the URL ProcLab printed, in both languages', async () => {
    const old = await app.session.browser.newPage(PAGE_OPTIONS);
    try {
      const url = new URL(app.server.pageUrl);
      url.searchParams.set('token', 'f'.repeat(40));
      await old.goto(url.toString());
      const banner = old.locator('[data-testid="connection-banner"][data-connection="refused"]');
      await banner.waitFor(GENEROUS);
      expect(await banner.textContent()).toContain('token is not valid any more');
      expect(await banner.textContent()).not.toContain('Reconnecting');
      await old.selectOption('[data-testid="language"]', 'zh');
      await expect.poll(() => banner.textContent()).toContain('令牌已失效');
    } finally {
      await old.close();
    }
  });

  it('tells a page opened without its token that the URL was cut short, in both languages', async () => {
    const bare = await app.session.browser.newPage(PAGE_OPTIONS);
    try {
      const url = new URL(app.server.pageUrl);
      url.searchParams.delete('token');
      await bare.goto(url.toString());
      const banner = bare.locator('[data-testid="connection-banner"][data-connection="refused"]');
      await banner.waitFor(GENEROUS);
      expect(await banner.textContent()).toContain('This link has no token');
      await bare.selectOption('[data-testid="language"]', 'zh');
      await expect.poll(() => banner.textContent()).toContain('此链接缺少令牌');
    } finally {
      await bare.close();
    }
  });

  it('logged no console errors', () => {
    expect(app.session.consoleErrors).toEqual([]);
  });
});
