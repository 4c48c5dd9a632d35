// The renderer in Chromium against the built browser mode: first full table, and each update applied.
import { openBrowser, startBrowserModeServer } from '../test/support/browserMode';
import { median, percentile } from './stats';

export interface RendererResult {
  firstTableMs: number;
  updateMedianMs: number;
  updateP95Ms: number;
  updates: number;
}

const UPDATES = 20;

export async function benchRenderer(): Promise<RendererResult> {
  const server = await startBrowserModeServer();
  const session = await openBrowser();
  try {
    const { page } = session;
    await page.goto(server.pageUrl);
    await page.waitForFunction(() => performance.getEntriesByName('proclab:first-table').length > 0, null, {
      timeout: 60_000,
    });
    const firstTableMs = await page.evaluate(() => performance.getEntriesByName('proclab:first-table')[0]!.duration);
    await page.evaluate(() => performance.clearMeasures('proclab:update'));
    await page.waitForFunction((n) => performance.getEntriesByName('proclab:update').length >= n, UPDATES, {
      timeout: 120_000,
    });
    const durations = await page.evaluate(() => performance.getEntriesByName('proclab:update').map((e) => e.duration));
    if (session.consoleErrors.length > 0) throw new Error(`console errors: ${session.consoleErrors.join('; ')}`);
    return {
      firstTableMs,
      updateMedianMs: median(durations),
      updateP95Ms: percentile(durations, 95),
      updates: durations.length,
    };
  } finally {
    await session.close();
    await server.stop();
  }
}
