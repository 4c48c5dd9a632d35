// The IPC graph in Chromium: a `sleep 600 | sleep 600` run from the lab shows its pipe in the run
// view (drawn and listed), in the PCB of each sleep and as badges in the monitor's tree, in
// English and 中文, light and dark, at 1280x720 and 1920x1080.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browserMode';
import { useLab } from '../support/labPage';

const GENEROUS = { timeout: 30_000 };
/** Eight screenshots on a loaded machine. */
const SLOW = 120_000;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
/** "1234 sleep → 1235 sleep" over "writer, fd 1 → reader, fd 0", whichever pid comes first. */
const PIPELINE =
  /(\d+) sleep → (\d+) sleep\s*writer, fd 1 → reader, fd 0|(\d+) sleep ← (\d+) sleep\s*reader, fd 0 ← writer, fd 1/;

async function shootAll(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const theme of ['light', 'dark'] as const) {
      await page.selectOption('[data-testid="theme"]', theme);
      for (const language of ['en', 'zh'] as const) {
        await page.selectOption('[data-testid="language"]', language);
        await screenshot(page, `${name}-${size.width}-${language}-${theme}`);
      }
    }
  }
  await page.setViewportSize(SIZES[0]);
  await page.selectOption('[data-testid="theme"]', 'light');
  await page.selectOption('[data-testid="language"]', 'en');
}

describe('the IPC links in the browser', () => {
  const lab = useLab();
  let writer = 0;
  let reader = 0;

  it(
    'draws and lists the pipe of a shell pipeline in the run view',
    async () => {
      const page = lab.page;
      await page.setViewportSize(SIZES[0]);
      await page.fill('[data-testid="command-line"]', 'sh -c "sleep 600 | sleep 600"');
      await page.press('[data-testid="command-line"]', 'Enter');
      // The only link between two of its processes that carries data: the run's own output and
      // whatever else they inherited are ends they share.
      const talking = page.locator('[data-testid="run-ipc-talking"] .ipc-line');
      await expect.poll(() => talking.allTextContents(), GENEROUS).toEqual([expect.stringMatching(PIPELINE)]);
      const pipeline = talking.first();
      await expect.poll(() => page.locator('.run-tree-row').count(), GENEROUS).toBe(3);
      const match = PIPELINE.exec((await pipeline.textContent())!)!;
      [writer, reader] = match[1] ? [Number(match[1]), Number(match[2])] : [Number(match[4]), Number(match[3])];
      // Both sleeps are rows of the diagram, joined by one bus among others (the run's own output).
      for (const pid of [writer, reader])
        expect(await page.locator(`[data-testid="run-ipc"] .ipc-node[data-pid="${pid}"]`).count()).toBe(1);
      await page.click(`[data-testid="run-ipc"] .ipc-node[data-pid="${writer}"]`);
      await shootAll(page, 'ipc-run');
    },
    SLOW,
  );

  it(
    "shows the pipe in each sleep's PCB, with its direction and role",
    async () => {
      const page = lab.page;
      const section = page.locator('[data-testid="ipc-links"]');
      const toReader = section.locator('.ipc-line[data-kind="pipe"][data-direction="to"]');
      await expect.poll(() => toReader.textContent(), GENEROUS).toContain(`sleep (${reader})`);
      expect(await toReader.textContent()).toContain('this process: writer, fd 1');
      await page.click(`[data-testid="run-ipc"] .ipc-node[data-pid="${reader}"]`);
      const fromWriter = section.locator('.ipc-line[data-kind="pipe"][data-direction="from"]');
      await expect.poll(() => fromWriter.textContent(), GENEROUS).toContain(`sleep (${writer})`);
      expect(await fromWriter.textContent()).toContain('this process: reader, fd 0');
      await page.selectOption('[data-testid="language"]', 'zh');
      await expect.poll(() => fromWriter.textContent(), GENEROUS).toContain('本进程：读端，fd 0');
      await page.selectOption('[data-testid="language"]', 'en');
      await section.scrollIntoViewIfNeeded();
      await shootAll(page, 'ipc-pcb');
      // Following the link selects the peer.
      await fromWriter.locator(`[data-peer="${writer}"]`).click();
      await expect.poll(() => page.textContent('[data-testid="details"] h2'), GENEROUS).toContain(`Process ${writer}`);
    },
    SLOW,
  );

  it(
    "badges the sleeps' rows in the monitor's tree and lights the peer on hover",
    async () => {
      const page = lab.page;
      const shell = await page.getAttribute('.run-tree-row >> nth=0', 'data-pid');
      await page.click('[data-testid="area-monitor"]');
      await page.click('[data-testid="view-tree"]');
      // The two sleeps match; their ancestors are shown as context and not asked about.
      await page.fill('[data-testid="search"]', `ppid=${shell}`);
      await page.locator('[data-testid="ipc-toggle"] input').check();
      const badge = page.locator(`[data-pid="${writer}"] .ipc-badge`, { hasText: `→ pipe ${reader}` });
      await expect.poll(() => badge.count(), GENEROUS).toBe(1);
      // The note says what was scanned, between the toolbar and the grid.
      const note = page.locator('[data-testid="ipc-tree-note"]');
      expect(await note.textContent()).toBe('IPC links among the 2 processes shown');
      const [noteBox, gridBox] = [
        await note.boundingBox(),
        await page.locator('[data-testid="process-grid"]').boundingBox(),
      ];
      expect(gridBox!.y).toBeGreaterThanOrEqual(noteBox!.y + noteBox!.height - 1);
      // The sleeps are the last rows, deep under their ancestors: bring them into view, then hover
      // the writer's badge (it stays in sight, at the end of its cell, however deep the row).
      await page.locator('.grid-scroll').evaluate((grid) => grid.scrollTo(0, grid.scrollHeight));
      await page.hover(`.grid-row[data-pid="${writer}"] .ipc-badge`);
      await expect.poll(() => page.getAttribute(`.grid-row[data-pid="${reader}"]`, 'class')).toContain('ipc-peer');
      await shootAll(page, 'ipc-tree');
      // Live: once the reader is gone, the writer's pipe joins it to nobody, and its badge goes.
      process.kill(reader, 'SIGKILL');
      await expect.poll(() => page.locator(`[data-pid="${writer}"] .ipc-badge`).count(), GENEROUS).toBe(0);
      await page.locator('[data-testid="ipc-toggle"] input').uncheck();
      await page.fill('[data-testid="search"]', '');
      await page.click('[data-testid="area-lab"]');
      await page.locator('.run-list button').first().click();
      await page.click('[data-testid="stop-run"]');
      await expect.poll(() => page.locator('[data-testid="run-ipc"]').count(), GENEROUS).toBe(0);
    },
    SLOW,
  );

  it('logged no console errors', () => {
    expect(lab.app.session.consoleErrors).toEqual([]);
  });
});
