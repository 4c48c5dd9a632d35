// The signal dialog never acts on a signal or a process the student cannot see: the filter moves
// the selection onto what it shows, and a target that exits turns the dialog's Send off.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../support/browserMode';
import { ChildProcesses } from '../support/ChildProcesses';
import { selectProcess } from '../support/uiActions';
import { waitFor } from '../support/waitFor';

const GENEROUS = { timeout: 20_000 };
const DIALOG = '[data-testid="signal-dialog"]';
const FILTER = `${DIALOG} input[type="search"]`;
const SEND = '[data-testid="send-signal"]';

describe('signal dialog selection and target', () => {
  let app: OpenApp;
  let page: Page;
  const children = new ChildProcesses();

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
  });

  afterEach(async () => {
    if (await page.isVisible(DIALOG)) await page.keyboard.press('Escape');
    await children.killAll();
  });

  afterAll(async () => {
    await app?.close();
    await children.killAll();
  });

  async function openDialogOn(pid: number): Promise<void> {
    await selectProcess(page, pid);
    await page.click('[data-testid="open-signal-dialog"]');
    await page.locator(DIALOG).waitFor(GENEROUS);
    await expect.poll(() => page.textContent(SEND), GENEROUS).toBe('Send SIGTERM');
  }

  it('selects the first signal the filter shows, and Enter sends that one', async () => {
    const child = children.spawn('sleep', ['300']);
    await openDialogOn(child.pid);

    await page.fill(FILTER, 'KILL');
    await expect.poll(() => page.textContent(SEND), GENEROUS).toBe('Send SIGKILL');
    expect(await page.getAttribute(`${DIALOG} [data-signal="SIGKILL"]`, 'aria-selected')).toBe('true');
    expect(await page.getAttribute('[data-testid="prediction"]', 'data-kind')).toBe('uncatchable-terminate');

    // A filter that matches nothing selects nothing, and says why Send is off.
    await page.fill(FILTER, 'no such signal');
    await expect.poll(() => page.isDisabled(SEND), GENEROUS).toBe(true);
    expect(await page.textContent('[data-testid="prediction"]')).toMatch(/No signal matches “no such signal”/);
    expect(await page.locator(`${DIALOG} [aria-selected="true"]`).count()).toBe(0);
    await page.fill(FILTER, 'KILL');
    await expect.poll(() => page.textContent(SEND), GENEROUS).toBe('Send SIGKILL');

    // Enter in the filter sends what is selected; the lab did not start this child, so it asks first.
    await page.press(FILTER, 'Enter');
    await expect.poll(() => page.textContent('[data-testid="observed"]'), GENEROUS).toContain('SIGKILL will end');
    await page.click('[data-testid="send-anyway"]');
    await waitFor('the child to be killed by SIGKILL', () => child.signalCode === 'SIGKILL');
    // What was observed sits beside the prediction the signal was sent on, not one remade for
    // the process as the signal left it (gone: "nothing left to signal").
    await expect.poll(() => page.textContent('[data-testid="observed"]'), GENEROUS).toContain('as predicted');
    await expect.poll(() => page.isDisabled(SEND), GENEROUS).toBe(true); // the dialog saw it go
    expect(await page.getAttribute('[data-testid="prediction"]', 'data-kind')).toBe('uncatchable-terminate');
  });

  it('forgets a confirmation when the target changes: "Send anyway" never reaches another target', async () => {
    const child = children.spawn('sleep', ['300']);
    await openDialogOn(child.pid);
    await page.click(SEND);
    await page.locator('[data-testid="send-anyway"]').waitFor(GENEROUS);
    await page.click('[data-testid="target-group"]');
    await expect.poll(() => page.isVisible('[data-testid="send-anyway"]'), GENEROUS).toBe(false);
    expect(child.exitCode === null && child.signalCode === null).toBe(true);
  });

  it('says its process has exited and turns Send off once the process is gone', async () => {
    const child = children.spawn('sleep', ['300']);
    await openDialogOn(child.pid);
    await expect.poll(() => page.getAttribute('[data-testid="prediction"]', 'data-kind'), GENEROUS).toBe('terminate');
    expect(await page.isDisabled(SEND)).toBe(false);

    // The test kills its own child; Node reaps it, so it is gone from /proc, not a zombie.
    process.kill(child.pid, 'SIGKILL');
    await waitFor('the child to be reaped', () => child.signalCode === 'SIGKILL');

    await expect
      .poll(() => page.textContent('[data-testid="prediction"]'), GENEROUS)
      .toBe(`sleep (${child.pid}) has exited: there is no process left to signal.`);
    expect(await page.isDisabled(SEND)).toBe(true);

    await page.selectOption('[data-testid="language"]', 'zh');
    await expect.poll(() => page.textContent('[data-testid="prediction"]'), GENEROUS).toContain('已经退出');
    expect(await page.isDisabled(SEND)).toBe(true);
    await page.selectOption('[data-testid="language"]', 'en');
  });

  it('logged no console errors', () => {
    expect(app.session.consoleErrors).toEqual([]);
  });
});
