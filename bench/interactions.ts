// What a user does after the page has loaded: scrolls the table and the tree, sorts, filters, switches views.
import type { Page } from 'playwright-core';

const pause = (page: Page, ms: number) => page.waitForTimeout(ms);

async function scrollGrid(page: Page, steps: number, deltaY: number): Promise<void> {
  const box = await page.getByTestId('process-grid').boundingBox();
  if (!box) throw new Error('the process grid is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, deltaY);
    await pause(page, 30);
  }
}

export async function interact(page: Page): Promise<void> {
  await page.getByTestId('view-table').click();
  await scrollGrid(page, 40, 600);
  await scrollGrid(page, 10, -3000);
  await page.getByRole('columnheader').nth(2).click(); // sort by another column, and back
  await pause(page, 300);
  await page.getByRole('columnheader').first().click();
  await page.getByTestId('view-tree').click();
  await pause(page, 300);
  await scrollGrid(page, 40, 600);
  await page.getByTestId('view-table').click();
  await pause(page, 300);
  await page.getByTestId('search').fill('sleep');
  await pause(page, 300);
  await page.getByTestId('search').fill('');
  await page.getByTestId('area-lab').click();
  await pause(page, 500);
  await page.getByTestId('area-monitor').click();
  await pause(page, 500);
}
