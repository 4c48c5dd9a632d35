// The signal dialog in Chromium: prediction, confirmation, send, observed outcome, timeline entry.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type OpenApp } from '../support/browserMode';
import { ChildProcesses } from '../support/ChildProcesses';
import { chooseSignal, selectProcess } from '../support/uiActions';
import { waitFor } from '../support/waitFor';

const GENEROUS = { timeout: 20_000 };

describe('signals from the browser UI', () => {
  let app: OpenApp;
  let page: Page;
  const children = new ChildProcesses();

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    await children.killAll();
  });

  it('predicts, asks to confirm, sends, and shows what happened', async () => {
    const { child, output } = await children.nodeWithUsr1Handler();

    await selectProcess(page, child.pid);
    await chooseSignal(page, 'SIGUSR1');
    await expect.poll(() => page.textContent('[data-testid="prediction"]'), GENEROUS).toContain('handler will run');
    // The list says what each signal does to this process: its handler, not a red "terminate".
    await page.fill('[data-testid="signal-dialog"] input[type="search"]', 'usr');
    await expect
      .poll(() => page.getAttribute('[data-signal="SIGUSR1"] [data-effect]', 'data-effect'), GENEROUS)
      .toBe('handler');
    expect(await page.getAttribute('[data-signal="SIGUSR2"] [data-effect]', 'data-effect')).toBe('terminate');
    await screenshot(page, 'signal-dialog');

    // The confirmation agrees with the prediction.
    await page.click('[data-testid="send-signal"]');
    await expect
      .poll(() => page.textContent('[data-testid="observed"]'), GENEROUS)
      .toContain(`has a handler for SIGUSR1`);
    expect(await page.textContent('[data-testid="observed"]')).not.toContain('will end');
    await page.click('[data-testid="send-anyway"]');
    await expect.poll(() => page.textContent('[data-testid="observed"]'), GENEROUS).toContain('still running');
    expect(await page.textContent('[data-testid="observed"]')).toContain('✓ as predicted');
    expect(await page.textContent('[data-testid="observed"]')).toContain('sent to 1 process');
    await waitFor('the handler’s output', () => output().includes('got USR1'));
    await screenshot(page, 'signal-observed');

    await page.keyboard.press('Escape');
    // On a busy machine the whole timeline moves fast: look at this process's own.
    await page.selectOption('[data-testid="timeline-scope"]', 'process');
    await page
      .locator(`[data-testid="timeline"] button[data-kind="signal"][data-pid="${child.pid}"]`)
      .waitFor(GENEROUS);
    expect(
      await page.textContent(`[data-testid="timeline"] button[data-kind="signal"][data-pid="${child.pid}"]`),
    ).toContain('SIGUSR1 → process: still running');
  });

  it('stops and continues from the detail panel, and shows the dialog in 中文', async () => {
    const child = children.spawn('sleep', ['65']);
    await selectProcess(page, child.pid);
    await page.click('[data-testid="stop"]');
    await expect
      .poll(() => page.locator(`[role="row"][data-pid="${child.pid}"]`).getAttribute('class'), GENEROUS)
      .toContain('stopped');
    await page.click('[data-testid="continue"]');
    await expect
      .poll(() => page.locator(`[role="row"][data-pid="${child.pid}"]`).getAttribute('class'), GENEROUS)
      .not.toContain('stopped');

    await page.selectOption('[data-testid="language"]', 'zh');
    await page.keyboard.press('k');
    await page.locator('[data-testid="signal-dialog"]').waitFor(GENEROUS);
    await page.click('[data-testid="signal-dialog"] [data-signal="SIGTERM"]');
    await expect.poll(() => page.textContent('[data-testid="prediction"]'), GENEROUS).toContain('终止');
    await screenshot(page, 'signal-dialog-zh');
    await page.keyboard.press('Escape');
    await page.selectOption('[data-testid="language"]', 'en');
  });

  it('logged no console errors', () => {
    expect(app.session.consoleErrors).toEqual([]);
  });
});
