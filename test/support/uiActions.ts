// Steps more than one e2e test takes in the UI: select a process, pick a signal in the dialog.
import type { Page } from 'playwright-core';

const GENEROUS = { timeout: 20_000 };

/** Filters the table down to one pid and selects its row. */
export async function selectProcess(page: Page, pid: number): Promise<void> {
  await page.fill('[data-testid="search"]', `pid=${pid}`);
  await page.locator(`[role="row"][data-pid="${pid}"]`).click(GENEROUS);
}

/** Opens the signal dialog on the selected process and picks a signal, found by typing its name. */
export async function chooseSignal(page: Page, signal: string): Promise<void> {
  await page.click('[data-testid="open-signal-dialog"]');
  await page.locator('[data-testid="signal-dialog"]').waitFor(GENEROUS);
  await page.fill('[data-testid="signal-dialog"] input[type="search"]', signal.replace(/^SIG/, '').toLowerCase());
  await page.click(`[data-testid="signal-dialog"] [data-signal="${signal}"]`);
}
