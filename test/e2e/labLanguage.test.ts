// The demos speak the UI's language: with the UI in 中文, a demo started from the lab prints its
// lines in Chinese in the run's terminal (the [pid] of each the real one); back in English, the
// next run prints English. Screenshots at 1280x720 in both themes
// (test-artifacts/lab-output-zh-1280x720-*.png).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browserMode';
import { useLab } from '../support/labPage';
import { terminalText } from '../support/uiActions';

const GENEROUS = { timeout: 20_000 };

async function startDemo(page: Page, demoId: string): Promise<number> {
  await page.click(`[data-demo="${demoId}"]`);
  await page.click('[data-testid="start-demo"]');
  const root = page.locator('.run-tree-row').first();
  await root.waitFor(GENEROUS);
  return Number(await root.getAttribute('data-pid'));
}

async function stopRun(page: Page): Promise<void> {
  await page.click('[data-testid="stop-run"]');
  await page.locator('[data-testid="stop-run"]:disabled').waitFor(GENEROUS);
}

describe('the demos in the UI’s language', () => {
  const lab = useLab();

  it('a demo started from the 中文 UI prints Chinese in its terminal', async () => {
    const { page } = lab;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.selectOption('[data-testid="language"]', 'zh');
    const root = await startDemo(page, 'fork');
    // The terminal wraps long lines into rows: read its text without the row breaks.
    const shown = async () => (await terminalText(page)).replaceAll('\n', '');
    await expect.poll(shown, GENEROUS).toContain(`[${root}] 父进程：我是 ${root}，我的父进程是`);
    await expect.poll(shown, GENEROUS).toMatch(/\[(\d+)\] 子进程 1：fork\(\) 返回 0；我是 \1，我的父进程是 \d+/);
    await expect.poll(shown, GENEROUS).toMatch(/\[(\d+)\] 子进程 2：fork\(\) 返回 0；我是 \1，我的父进程是 \d+/);
    await expect.poll(shown, GENEROUS).toContain(`[${root}] 父进程：我 15 秒后调用 os.wait()`);
    expect(await shown()).not.toContain('parent:');
    for (const theme of ['light', 'dark'] as const) {
      await page.selectOption('[data-testid="theme"]', theme);
      await screenshot(page, `lab-output-zh-1280x720-${theme}`);
    }
    await page.selectOption('[data-testid="theme"]', 'light');
    await stopRun(page);
  });

  it('back in English, the next run prints English', async () => {
    const { page } = lab;
    await page.selectOption('[data-testid="language"]', 'en');
    const root = await startDemo(page, 'zombie');
    await expect.poll(() => terminalText(page), GENEROUS).toContain(`[${root}] parent: I am ${root}`);
    expect(await terminalText(page)).not.toContain('父进程');
    await stopRun(page);
  });

  it('logged no console errors', () => {
    expect(lab.app.session.consoleErrors).toEqual([]);
  });
});
