// Steps more than one e2e test takes in the UI: select a process, pick and send a signal in the
// dialog, watch a lab run's processes and read its terminal.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

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

/** Sends the chosen signal to a process the lab did not start: the dialog asks, the test confirms. */
export async function sendConfirmingOutsideLab(page: Page): Promise<void> {
  await page.click('[data-testid="send-signal"]');
  await expect.poll(() => page.textContent('[data-testid="observed"]'), GENEROUS).toMatch(/lab did not start.*anyway/);
  await page.click('[data-testid="send-anyway"]');
}

/** Waits until the open run's live subtree is exactly one row per command, in tree order. */
export async function waitForRunTree(page: Page, commands: string[]): Promise<void> {
  await expect
    .poll(() => page.locator('.run-tree-row:not(.ghost)').allTextContents(), GENEROUS)
    .toEqual(commands.map((command) => expect.stringContaining(command)));
}

/** What the open run's terminal shows on screen now (xterm.js draws its rows as text). */
export async function terminalText(page: Page): Promise<string> {
  const rows = await page.locator('[data-testid="run-terminal"] .xterm-rows').innerText();
  return rows.replaceAll('\u00a0', ' ');
}
