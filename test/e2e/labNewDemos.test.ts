// The new demos in Chromium: each chapter lists them, and a pool and a threads run show their
// processes and output in the lab, in English and in 中文.
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browserMode';
import { useLab } from '../support/labPage';

const GENEROUS = { timeout: 30_000 };

describe('the new demos in the browser', () => {
  const lab = useLab();

  it('shows each demo in its chapter', async () => {
    for (const [group, demo] of [
      ['pool', 'pool'],
      ['ipc', 'pipe'],
      ['synchronisation', 'semaphore'],
      ['threads', 'threads'],
      ['servers', 'select-server'],
    ])
      await expect
        .poll(() => lab.page.locator(`[data-group="${group}"] [data-demo="${demo}"]`).count(), GENEROUS)
        .toBe(1);
  });

  for (const [demo, file, midRun] of [
    ['pool', 'pool.py', 'worker: task  4 starts'],
    ['threads', 'threads.py', "I see visitors = ['thread-1', 'thread-2', 'thread-3', 'thread-4']"],
    ['message-queue', 'message_queue.py', 'full() is True'],
    ['nice-race', 'nice_race.py', '% of the CPU'],
  ]) {
    it(`shows ${demo} and runs it from the lab`, async () => {
      await lab.page.click(`[data-demo="${demo}"]`);
      expect(await lab.page.textContent('[data-testid="demo-edition"]')).toBe(`Python 3 · ${file}`);
      await screenshot(lab.page, `lab-${demo}-details`);
      await lab.page.click('[data-testid="start-demo"]');
      // Every line the demo's processes printed, whether or not it is still on the terminal's screen.
      await lab.page.selectOption('[data-testid="output-of"]', 'named');
      const lines = lab.page.locator('[data-testid="process-lines"]');
      await expect.poll(() => lines.textContent(), GENEROUS).toContain(midRun);
      await lab.page.locator('.run-tree-row').first().click();
      await screenshot(lab.page, `lab-${demo}`);
      await lab.page.selectOption('[data-testid="language"]', 'zh');
      await screenshot(lab.page, `lab-${demo}-zh`);
      await lab.page.selectOption('[data-testid="language"]', 'en');
      await lab.page.selectOption('[data-testid="output-of"]', '');
      // A short demo (the pool) may have ended by itself by now: its Stop button is then disabled.
      const stop = lab.page.locator('[data-testid="stop-run"]:enabled');
      // force: a run ending between the check and the click leaves a disabled button, a no-op click.
      if (await stop.count()) await stop.click({ force: true });
    });
  }

  it('logged no console errors', () => {
    expect(lab.app.session.consoleErrors).toEqual([]);
  });
});
