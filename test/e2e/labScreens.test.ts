// Screenshots of the first screen and of the lab with a run open, at 1280x720 and 1920x1080, in
// English and 中文, light and dark (test-artifacts/screen-*.png), with the layout checks that
// looking at them suggested: nothing wider than the window, the run tree given room.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browserMode';
import { useLab } from '../support/labPage';

const GENEROUS = { timeout: 30_000 };
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const LANGUAGES = ['en', 'zh'] as const;
const THEMES = ['light', 'dark'] as const;

async function eachLook(page: Page, shoot: (name: string) => Promise<void>): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const language of LANGUAGES) {
      await page.selectOption('[data-testid="language"]', language);
      for (const theme of THEMES) {
        await page.selectOption('[data-testid="theme"]', theme);
        await shoot(`${size.width}x${size.height}-${language}-${theme}`);
      }
    }
  }
  await page.selectOption('[data-testid="language"]', 'en');
  await page.selectOption('[data-testid="theme"]', 'light');
}

/** Nothing may stick out of the window sideways. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('screenshots of the first screen and the lab', () => {
  const lab = useLab();

  it('the first screen', async () => {
    const { page } = lab;
    await page.click('[data-testid="area-monitor"]');
    await page.locator('[data-testid="start-here"] [data-testid="start-fork"]').waitFor(GENEROUS);
    await eachLook(page, async (name) => {
      expect(await overflow(page), name).toBeLessThanOrEqual(0);
      const table = await page.locator('[data-testid="process-grid"]').boundingBox();
      expect(table!.height, `${name}: room for the table`).toBeGreaterThan(150);
      await screenshot(page, `screen-first-${name}`);
    });
  });

  it('the lab with a run open', async () => {
    const { page } = lab;
    await page.click('[data-testid="area-lab"]');
    await page.click('[data-demo="zombie"]');
    await page.click('[data-testid="start-demo"]');
    const zombie = page.locator('[data-testid="run-tree"] [data-state="Z"]');
    await zombie.waitFor(GENEROUS);
    await zombie.click();
    await eachLook(page, async (name) => {
      expect(await overflow(page), name).toBeLessThanOrEqual(0);
      const side = await page.locator('.run-side').boundingBox();
      expect(side!.height, `${name}: room for the run tree and guide`).toBeGreaterThan(150);
      const terminal = await page.locator('[data-testid="run-terminal"]').boundingBox();
      expect(terminal!.height, `${name}: room for the terminal`).toBeGreaterThan(150);
      await screenshot(page, `screen-lab-${name}`);
    });
    await page.click('[data-testid="stop-run"]');
  });

  it('logged no console errors', () => {
    expect(lab.app.session.consoleErrors).toEqual([]);
  });
});
