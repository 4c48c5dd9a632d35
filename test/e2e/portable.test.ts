// The UI over the portable sampler (what macOS gets), forced on Linux: the table works, and what
// needs /proc is not offered, because the renderer follows the capabilities the service reports.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../support/browserMode';
import { ChildProcesses } from '../support/ChildProcesses';

const GENEROUS = { timeout: 20_000 };

describe('browser mode with the portable sampler', () => {
  let app: OpenApp;
  let page: Page;
  const children = new ChildProcesses();

  beforeAll(async () => {
    app = await openApp(undefined, ['--port', '0', '--sampler', 'portable']);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    await children.killAll();
  });

  it('shows a real process, with no details, signals or lab', async () => {
    const child = children.spawn('sleep', ['62.5']);
    await page.fill('[data-testid="search"]', `pid=${child.pid}`);
    const row = page.locator(`[data-testid="process-grid"] [role="row"][data-pid="${child.pid}"]`);
    await row.waitFor(GENEROUS);
    expect(await row.textContent()).toContain('sleep 62.5');
    await row.click();
    await page.getByText('need Linux /proc').waitFor(GENEROUS);
    expect(await page.locator('[data-testid="process-actions"]').count()).toBe(0);
    // `k` would open the signal dialog; then `?` opens the key help, which only shows when no
    // dialog is open: so the help showing proves `k` was handled and opened nothing.
    await page.keyboard.press('k');
    await page.keyboard.press('?');
    await page.locator('[role="dialog"]').first().waitFor(GENEROUS);
    expect(await page.locator('[data-testid="signal-dialog"]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.click('[data-testid="area-lab"]');
    await page.getByText('The demo lab needs Linux').waitFor(GENEROUS);
    expect(app.session.consoleErrors).toEqual([]);
  });
});
