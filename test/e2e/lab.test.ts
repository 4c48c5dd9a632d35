// The demo lab in Chromium: start driver/conductor, press the terminal keys, see the three lines
// and both processes end; nothing of the run is left afterwards.
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browserMode';
import { useLab } from '../support/labPage';
import { waitForRunTree } from '../support/uiActions';

const GENEROUS = { timeout: 20_000 };

describe('the demo lab in the browser', () => {
  const lab = useLab();

  it('lists the demos by course chapter, and shows a demo with the edition that runs and its source', async () => {
    const chapters = lab.page.locator('[data-testid="demo-list"] .demo-group h3');
    await expect
      .poll(() => chapters.allTextContents(), GENEROUS)
      .toEqual(expect.arrayContaining(['Processes and their states', 'fork: creating processes', 'Signals']));
    expect(await lab.page.textContent('[data-group="signals"]')).toContain('C15');
    await lab.page.click('[data-demo="driver-conductor"]');
    await expect.poll(() => lab.page.textContent('[data-testid="demo-details"]'), GENEROUS).toContain('老司机开车了');
    expect(await lab.page.textContent('[data-testid="demo-edition"]')).toBe('Python 3 · driver_conductor.py');
    await expect
      .poll(() => lab.page.textContent('[data-testid="demo-source"]'))
      .toContain('signal.signal(signal.SIGINT, signal.SIG_IGN)');
    await screenshot(lab.page, 'lab-demo');
    await lab.page.selectOption('[data-testid="language"]', 'zh');
    await expect.poll(() => chapters.allTextContents(), GENEROUS).toContain('进程与进程状态');
    await screenshot(lab.page, 'lab-demo-zh');
    await lab.page.selectOption('[data-testid="language"]', 'en');
  });

  it('plays driver and conductor with the terminal keys', async () => {
    await lab.page.click('[data-testid="start-demo"]');
    const output = lab.page.locator('[data-testid="run-output"]');
    await expect.poll(() => output.textContent(), GENEROUS).toContain('conductor: on board');
    await expect.poll(() => output.textContent(), GENEROUS).toContain('driver: ready');
    await lab.page.click('[data-testid="key-ctrl-c"]');
    await expect.poll(() => output.textContent(), GENEROUS).toContain('老司机开车了');
    await lab.page.click('[data-testid="key-ctrl-backslash"]');
    await expect.poll(() => output.textContent(), GENEROUS).toContain('系好安全带，小心甩出去');
    // The run's live subtree: the driver, and the conductor it forked, under it.
    await waitForRunTree(lab.page, ['driver_conductor.py', 'driver_conductor.py']);
    expect(await lab.page.textContent('[data-testid="run-edition"]')).toBe('Python 3 · driver_conductor.py');
    await screenshot(lab.page, 'lab-run');
    await lab.page.click('[data-testid="key-ctrl-z"]');
    await expect.poll(() => output.textContent(), GENEROUS).toContain('到站了，下车吧');
    await expect.poll(() => output.textContent(), GENEROUS).toContain('the conductor got off first');
    await expect.poll(() => lab.page.textContent('[data-testid="run-status"]'), GENEROUS).toMatch(/exited exit 0/);
    expect(await output.textContent()).toContain('Ctrl+C: SIGINT to the foreground process group');
    await lab.page.selectOption('[data-testid="language"]', 'zh');
    await screenshot(lab.page, 'lab-run-zh');
    await lab.page.selectOption('[data-testid="language"]', 'en');
  });

  it("shows a zombie's exit status in the timeline, read from the zombie (ProcLab is not its parent)", async () => {
    await lab.page.click('[data-demo="zombie"]');
    expect(await lab.page.textContent('[data-testid="demo-edition"]')).toBe('Python 3 · zombie.py');
    await lab.page.click('[data-testid="start-demo"]');
    // Only zombies and reaping: the machine's other processes would drown the demo's entries.
    for (const kind of ['spawned', 'exited', 'reparented', 'stopped', 'continued', 'exec', 'signal'])
      await lab.page.click(`[data-testid="timeline"] .chip.kind-${kind}`);
    const timeline = lab.page.locator('[data-testid="timeline"]');
    await expect.poll(() => timeline.textContent(), GENEROUS).toContain('became a zombie holding exit code 7');
    await screenshot(lab.page, 'lab-zombie');
    await lab.page.selectOption('[data-testid="language"]', 'zh');
    await expect.poll(() => timeline.textContent(), GENEROUS).toContain('变成僵尸，保留退出码 7');
    await screenshot(lab.page, 'lab-zombie-zh');
    await lab.page.selectOption('[data-testid="language"]', 'en');
    await lab.page.click('[data-testid="stop-run"]');
    await expect.poll(() => lab.page.textContent('[data-testid="run-status"]'), GENEROUS).toMatch(/stopped/);
    await expect.poll(() => timeline.textContent(), GENEROUS).toContain('zombie reaped: its exit code 7 was collected');
  });

  it('logged no console errors', () => {
    expect(lab.app.session.consoleErrors).toEqual([]);
  });
});
