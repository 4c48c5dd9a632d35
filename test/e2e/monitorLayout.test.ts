// The monitor's layout at 1280x720 in Chromium, with real processes: the table fits, its only match
// shows after scrolling, the menus and errors stay in place, ps's words (START, <defunct>).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { procState } from '../support/ChildProcesses';
import { useMonitor } from '../support/monitorPage';
import { selectProcess } from '../support/uiActions';
import { waitFor } from '../support/waitFor';

const GENEROUS = { timeout: 20_000 };
const row = (page: Page, pid: number) => page.locator(`[data-testid="process-grid"] [role="row"][data-pid="${pid}"]`);

describe('the monitor’s layout at 1280x720', () => {
  const monitor = useMonitor();

  beforeAll(async () => {
    await monitor.page.setViewportSize({ width: 1280, height: 720 });
  });

  it('fits the default columns without scrolling sideways, table and tree, with a usable COMMAND column', async () => {
    const layout = await monitor.page.evaluate(() => {
      const scroll = document.querySelector('.grid-scroll')!;
      const command = [...document.querySelectorAll('.grid-header [role="columnheader"]')].at(-1)!;
      return {
        overflow: scroll.scrollWidth - scroll.clientWidth,
        command: command.getBoundingClientRect().width,
      };
    });
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.command).toBeGreaterThanOrEqual(240);
    await monitor.page.click('[data-testid="view-tree"]');
    await monitor.page.locator('[data-testid="process-grid"][data-mode="tree"]').waitFor(GENEROUS);
    const treeOverflow = await monitor.page.evaluate(() => {
      const scroll = document.querySelector('.grid-scroll')!;
      return scroll.scrollWidth - scroll.clientWidth;
    });
    expect(treeOverflow).toBeLessThanOrEqual(0);
    await monitor.page.click('[data-testid="view-table"]');
  });

  it('shows the only match of a search made while scrolled far down', async () => {
    // Enough rows to scroll on any machine, each killed by pid afterwards.
    const sleeps = await monitor.children.sleepers(150);
    const target = sleeps[75]!;
    await expect
      .poll(() => monitor.page.evaluate(() => document.querySelector('.grid-scroll')!.scrollHeight), GENEROUS)
      .toBeGreaterThan(4000);
    await monitor.page.evaluate(() => {
      const scroll = document.querySelector('.grid-scroll')!;
      scroll.scrollTop = scroll.scrollHeight;
    });
    await monitor.page.fill('[data-testid="search"]', `pid=${target}`);
    await expect.poll(() => monitor.page.textContent('[data-testid="match-count"]'), GENEROUS).toMatch(/^1 of \d+$/);
    await row(monitor.page, target).waitFor(GENEROUS);
    const inView = async () => {
      const [grid, found] = await Promise.all([
        monitor.page.locator('.grid-scroll').boundingBox(),
        row(monitor.page, target).boundingBox(),
      ]);
      return !!grid && !!found && found.y >= grid.y && found.y + found.height <= grid.y + grid.height;
    };
    await expect.poll(inView, GENEROUS).toBe(true);
  });

  it('opens the Columns menu inside the window', async () => {
    await monitor.page.click('[data-testid="column-menu"] summary');
    const menu = await monitor.page.locator('[data-testid="column-menu"] .menu').boundingBox();
    expect(menu!.x).toBeGreaterThanOrEqual(0);
    expect(menu!.x + menu!.width).toBeLessThanOrEqual(1280);
    expect(menu!.y + menu!.height).toBeLessThanOrEqual(720);
    // A click elsewhere closes it.
    await monitor.page.mouse.click(640, 400);
    await monitor.page.locator('[data-testid="column-menu"] .menu').waitFor({ state: 'hidden', ...GENEROUS });
  });

  it('says what is wrong with a query on one line, and rejects a state letter ps does not know', async () => {
    /** Types the query and waits for the error line to say `message`. */
    const queryError = async (query: string, message: string) => {
      await monitor.page.fill('[data-testid="search"]', query);
      await expect.poll(() => monitor.page.textContent('[data-testid="query-error"]'), GENEROUS).toContain(message);
    };
    await monitor.page.fill('[data-testid="search"]', '');
    const before = (await monitor.page.locator('.toolbar').boundingBox())!.height;
    await queryError('state=Q', '"Q" is not a process state');
    await queryError('colour=blue name~( cpu>lots', 'no field "colour"');
    // One more line (12 px text and the toolbar's 10 px gap), whatever the message's length.
    expect((await monitor.page.locator('.toolbar').boundingBox())!.height - before).toBeLessThanOrEqual(30);
    await queryError('pid=abc', '"abc" is not a number');
    // A query that matches nothing says so where the rows would be.
    await monitor.page.fill('[data-testid="search"]', 'name=no-such-process-anywhere');
    await expect
      .poll(() => monitor.page.textContent('[data-testid="grid-nothing"]'), GENEROUS)
      .toBe('No process matches the search and filters.');
    await monitor.page.fill('[data-testid="search"]', '');
    await monitor.page.locator('[data-testid="grid-nothing"]').waitFor({ state: 'detached', ...GENEROUS });
  });

  it('does not scroll sideways when a long command is clicked, and prints START as ps does', async () => {
    const args = Array.from({ length: 60 }, (_, i) => `--a-rather-long-argument-${i}`);
    const long = monitor.children.spawn('python3', ['-c', 'import time; time.sleep(300)', ...args]);
    await selectProcess(monitor.page, long.pid);
    const cell = row(monitor.page, long.pid).locator('.command');
    const box = (await cell.boundingBox())!;
    await cell.click({ position: { x: box.width - 4, y: box.height / 2 } });
    await cell.dblclick({ position: { x: box.width - 4, y: box.height / 2 } });
    const scrolledSideways = await monitor.page.evaluate(
      () => [...document.querySelectorAll('.grid, .grid *')].filter((element) => element.scrollLeft !== 0).length,
    );
    expect(scrolledSideways).toBe(0);
    expect(await row(monitor.page, long.pid).locator('[role="gridcell"]').nth(8).textContent()).toMatch(/^\d\d:\d\d$/);
  });

  it('shows a zombie as <defunct> and an exited process as exited', async () => {
    const parent = monitor.children.spawn('sh', ['-c', 'sleep 0.1 & exec sleep 300']);
    const zombie = await waitFor('the zombie', () => {
      const pid = Number(readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim());
      return pid > 0 && procState(pid) === 'Z' ? pid : null;
    });
    await monitor.page.fill('[data-testid="search"]', `pid=${zombie}`);
    await expect.poll(() => row(monitor.page, zombie).textContent(), GENEROUS).toContain('[sleep] <defunct>');
    // A zombie's cwd and exe cannot be read (ENOENT): the reason is said in the UI's language.
    await selectProcess(monitor.page, zombie);
    await monitor.page.selectOption('[data-testid="language"]', 'zh');
    await expect
      .poll(() => monitor.page.textContent('[data-testid="details"]'), GENEROUS)
      .toContain('无法读取：进程已退出');
    expect(await monitor.page.textContent('[data-testid="details"]')).not.toContain('the process has exited');
    await monitor.page.selectOption('[data-testid="language"]', 'en');
    await monitor.page.fill('[data-testid="search"]', '');

    const sleeper = monitor.children.spawn('sleep', ['300']);
    await selectProcess(monitor.page, sleeper.pid);
    await expect.poll(() => monitor.page.textContent('[data-testid="details"]'), GENEROUS).toContain('sleeping');
    process.kill(sleeper.pid, 'SIGKILL');
    await monitor.page.locator('[data-testid="exited-state"]').waitFor(GENEROUS);
    expect(await monitor.page.textContent('[data-testid="details"]')).not.toContain('sleeping');
  });

  it('draws the chart in the chosen language and theme', async () => {
    const sleeper = monitor.children.spawn('sleep', ['300']);
    await selectProcess(monitor.page, sleeper.pid);
    const timeLabel = monitor.page
      .locator('[data-testid="history-chart"] .u-legend .u-series')
      .first()
      .locator('.u-label');
    await expect.poll(() => timeLabel.textContent(), GENEROUS).toBe('Time');
    // The RSS axis is wide enough for "47.7 MiB" and lies inside the chart: the plot leaves it all
    // the width it asked for (the plot was laid out for an empty axis, and the labels were cut).
    const rssAxis = () =>
      monitor.page.evaluate(() => {
        const chart = document.querySelector('[data-testid="history-chart"]')!;
        const plotRight = chart.querySelector('.u-over')!.getBoundingClientRect().right;
        const { width } = [...chart.querySelectorAll('.u-axis')].at(-1)!.getBoundingClientRect();
        return { wideEnough: width >= 8 * 7, inside: plotRight + width <= chart.getBoundingClientRect().right + 1 };
      });
    await expect.poll(rssAxis, GENEROUS).toEqual({ wideEnough: true, inside: true });
    await monitor.page.selectOption('[data-testid="language"]', 'zh');
    await expect.poll(() => timeLabel.textContent(), GENEROUS).toBe('时间');
    await monitor.page.selectOption('[data-testid="theme"]', 'dark');
    await expect
      .poll(() => monitor.page.getAttribute('[data-testid="history-chart"]', 'data-theme-drawn'), GENEROUS)
      .toBe('dark');
    await monitor.page.selectOption('[data-testid="language"]', 'en');
    await monitor.page.selectOption('[data-testid="theme"]', 'light');
  });

  it('logged no console errors', () => {
    expect(monitor.app.session.consoleErrors).toEqual([]);
  });
});
