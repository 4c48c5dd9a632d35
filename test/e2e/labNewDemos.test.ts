// The new demos in Chromium: each chapter lists them, and a pool and a threads run show their
// processes and output in the lab, in English and in 中文.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type OpenApp } from '../support/browserMode';
import { taggedProcesses } from '../support/labProcesses';
import { waitFor } from '../support/waitFor';

const GENEROUS = { timeout: 30_000 };

describe('the new demos in the browser', () => {
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await page.click('[data-testid="area-lab"]');
  });

  afterAll(async () => {
    await app?.close();
    await waitFor('no lab process left', () => taggedProcesses(app.server.process.pid!).length === 0);
  });

  it('shows each demo in its chapter', async () => {
    for (const [group, demo] of [
      ['pool', 'pool'],
      ['ipc', 'pipe'],
      ['synchronisation', 'semaphore'],
      ['threads', 'threads'],
      ['servers', 'select-server'],
    ])
      await expect.poll(() => page.locator(`[data-group="${group}"] [data-demo="${demo}"]`).count(), GENEROUS).toBe(1);
  });

  for (const [demo, file, midRun] of [
    ['pool', 'pool.py', 'worker: task  4 starts'],
    ['threads', 'threads.py', "I see visitors = ['thread-1', 'thread-2', 'thread-3', 'thread-4']"],
    ['message-queue', 'message_queue.py', 'full() is True'],
    ['nice-race', 'nice_race.py', '% of the CPU'],
  ]) {
    it(`shows ${demo} and runs it from the lab`, async () => {
      await page.click(`[data-demo="${demo}"]`);
      expect(await page.textContent('[data-testid="demo-edition"]')).toBe(`Python 3 · ${file}`);
      await screenshot(page, `lab-${demo}-details`);
      await page.click('[data-testid="start-demo"]');
      const output = page.locator('[data-testid="run-output"]');
      await expect.poll(() => output.textContent(), GENEROUS).toContain(midRun);
      await page.locator('.run-tree-row').first().click();
      await screenshot(page, `lab-${demo}`);
      await page.selectOption('[data-testid="language"]', 'zh');
      await screenshot(page, `lab-${demo}-zh`);
      await page.selectOption('[data-testid="language"]', 'en');
      await page.click('[data-testid="stop-run"]');
    });
  }

  it('logged no console errors', () => {
    expect(app.session.consoleErrors).toEqual([]);
  });
});
