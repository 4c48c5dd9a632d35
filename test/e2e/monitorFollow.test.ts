// Follow selection at 1280x720 in Chromium, with real processes: live updates never undo the user's
// scrolling, and a row the view follows to lands wholly below the sticky header, table and tree.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useMonitor } from '../support/monitorPage';
import { waitFor } from '../support/waitFor';

const GENEROUS = { timeout: 20_000 };
const grid = (page: Page) => page.locator('[data-testid="process-grid"] .grid-scroll');
const selectedRow = (page: Page) => page.locator('[data-testid="process-grid"] [role="row"][aria-selected="true"]');
const scrollTop = (page: Page) => grid(page).evaluate((element) => element.scrollTop);

/** The scroll position once a (possibly smooth) scroll has come to rest past `least`. */
async function restingScrollTop(page: Page, least: number): Promise<number> {
  let previous = -1;
  await expect
    .poll(async () => {
      const now = await scrollTop(page);
      const resting = now > least && now === previous;
      previous = now;
      return resting;
    }, GENEROUS)
    .toBe(true);
  return previous;
}

/** Resolves once the page has drawn two more live updates (its proclab:update measures). */
async function twoMoreUpdates(page: Page): Promise<void> {
  const drawn = () => page.evaluate(() => (window as unknown as { drawnUpdates: number }).drawnUpdates);
  const start = await drawn();
  await expect.poll(drawn, GENEROUS).toBeGreaterThanOrEqual(start + 2);
}

/** Where the selected row lies against the sticky header and the bottom of the scroll area. */
async function selectedPlacement(page: Page): Promise<{ belowHeader: boolean; aboveBottom: boolean } | null> {
  return page.evaluate(() => {
    const row = document.querySelector('[data-testid="process-grid"] [role="row"][aria-selected="true"]');
    const scroll = document.querySelector('[data-testid="process-grid"] .grid-scroll')!;
    if (!row) return null;
    const box = row.getBoundingClientRect();
    const header = scroll.querySelector('.grid-header')!.getBoundingClientRect();
    const area = scroll.getBoundingClientRect();
    return { belowHeader: box.top >= header.bottom, aboveBottom: box.bottom <= area.top + scroll.clientHeight };
  });
}

describe('follow selection', () => {
  const monitor = useMonitor();

  beforeAll(async () => {
    const { page } = monitor;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.selectOption('[data-testid="interval"]', '500');
    // Counts the updates the page draws, so a test waits for updates rather than for time.
    await page.evaluate(() => {
      const counter = window as unknown as { drawnUpdates: number };
      counter.drawnUpdates = 0;
      new PerformanceObserver((list) => {
        counter.drawnUpdates += list.getEntriesByName('proclab:update').length;
      }).observe({ type: 'measure' });
    });
    // Enough rows to scroll far on any machine, each killed by pid afterwards.
    await monitor.children.sleepers(150);
    await waitFor('rows enough to scroll far', () => grid(page).evaluate((element) => element.scrollHeight > 4000));
    expect(await page.getByLabel('Follow selection').isChecked()).toBe(true);
  });

  for (const mode of ['table', 'tree'] as const) {
    it(`leaves the ${mode} where the user scrolled it, over the next live updates`, async () => {
      const { page } = monitor;
      await page.click(`[data-testid="view-${mode}"]`);
      await page.locator(`[data-testid="process-grid"][data-mode="${mode}"]`).waitFor(GENEROUS);
      await grid(page).evaluate((element) => (element.scrollTop = 0));
      await page.locator('[data-testid="process-grid"] [role="row"][data-pid]').first().click(GENEROUS);
      await selectedRow(page).waitFor(GENEROUS);

      // The wheel, as the user turns it over the grid.
      const box = (await grid(page).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 1200);
      const wheeled = await restingScrollTop(page, 600);
      await twoMoreUpdates(page);
      expect(await scrollTop(page)).toBe(wheeled);

      // The scrollbar, dragged further down.
      await grid(page).evaluate((element) => (element.scrollTop += 1000));
      const dragged = await restingScrollTop(page, wheeled);
      await twoMoreUpdates(page);
      expect(await scrollTop(page)).toBe(dragged);
      await expect.poll(() => selectedRow(page).count()).toBe(0);
    });
  }

  it('brings a row chosen by keyboard in the tree wholly into view below the sticky header', async () => {
    const { page } = monitor;
    await page.click('[data-testid="view-tree"]');
    await page.locator('[data-testid="process-grid"][data-mode="tree"]').waitFor(GENEROUS);
    await page.locator('[data-testid="process-grid"] [role="row"][data-pid]').first().click(GENEROUS);
    // The last row, then a page up: the view scrolls down to one, then up to the other.
    for (const key of ['End', 'PageUp', 'Home']) {
      await page.keyboard.press(key);
      await expect.poll(() => selectedPlacement(page), GENEROUS).toEqual({ belowHeader: true, aboveBottom: true });
    }
  });

  it('follows the selected row when a re-sort moves it out of view', async () => {
    const { page } = monitor;
    await page.click('[data-testid="view-table"]');
    await page.locator('[data-testid="process-grid"][data-mode="table"]').waitFor(GENEROUS);
    await grid(page).evaluate((element) => (element.scrollTop = 0));
    // Sorted by PID, the first row goes to the end when the order turns round.
    await page.locator('[data-testid="process-grid"] [role="row"][data-pid]').first().click(GENEROUS);
    await page.click('[role="columnheader"][aria-sort="ascending"]');
    await expect.poll(() => selectedPlacement(page), GENEROUS).toEqual({ belowHeader: true, aboveBottom: true });
    expect(await scrollTop(page)).toBeGreaterThan(1000);
  });

  it('logged no console errors', () => {
    expect(monitor.app.session.consoleErrors).toEqual([]);
  });
});
