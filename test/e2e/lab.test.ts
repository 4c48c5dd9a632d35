// The demo lab in Chromium: start driver/conductor, type Ctrl+C, Ctrl+\ and Ctrl+Z into its
// terminal, see the three lines and both processes end; read one process's lines; type input to
// your own program; nothing of the runs is left afterwards.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browserMode';
import { useLab } from '../support/labPage';
import { terminalText, waitForRunTree } from '../support/uiActions';

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

  it('plays driver and conductor by typing Ctrl+C, Ctrl+\\ and Ctrl+Z into the run’s terminal', async () => {
    const { page } = lab;
    await page.click('[data-testid="start-demo"]');
    const shown = () => terminalText(page);
    await expect.poll(shown, GENEROUS).toContain('conductor: on board');
    await expect.poll(shown, GENEROUS).toContain('driver: ready');
    // Keys typed into the terminal: the line discipline echoes them and signals the foreground group.
    await page.click('[data-testid="run-terminal"]');
    await page.keyboard.press('Control+c');
    await expect.poll(shown, GENEROUS).toContain('老司机开车了');
    await expect.poll(shown, GENEROUS).toContain('^C');
    await page.keyboard.press('Control+Backslash');
    await expect.poll(shown, GENEROUS).toContain('系好安全带，小心甩出去');
    // The run's live subtree: the driver, and the conductor it forked, both in the terminal's
    // foreground group ("+" in STAT).
    await waitForRunTree(page, ['driver_conductor.py', 'driver_conductor.py']);
    // Both sleep between signals; a sample taken while one handles a key shows it running (R+).
    await expect
      .poll(() => page.locator('.run-tree-row:not(.ghost) .run-tree-stat').allTextContents(), GENEROUS)
      .toEqual(['S+', 'S+']);
    expect(await page.textContent('[data-testid="run-edition"]')).toBe('Python 3 · driver_conductor.py');
    // While the run is open, the timeline shows that run and nothing else: its root, and what the
    // root and its descendants were seen to start (the exported entries say who started whom).
    expect(await page.getAttribute('[data-testid="timeline"]', 'data-scope')).toBe('run');
    const [runRoot] = await page
      .locator('.run-tree-row')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-pid'))));
    // The tree comes from the lab's 10 Hz feed, the timeline from the monitor's updates (every
    // second): the root's birth reaches the timeline later.
    await page.locator(`[data-testid="timeline-list"] [data-pid="${runRoot}"]`).first().waitFor(GENEROUS);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
    type Exported = { pid: number; kind: string; detail: { ppid?: number } };
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Exported[];
    const family = new Set([runRoot]);
    for (const e of exported) if (e.kind === 'spawned' && family.has(e.detail.ppid!)) family.add(e.pid);
    expect(exported.map((e) => e.pid)).toContain(runRoot);
    expect(exported.filter((e) => !family.has(e.pid))).toEqual([]);
    await screenshot(page, 'lab-run');
    await page.click('[data-testid="run-terminal"]');
    await page.keyboard.press('Control+z');
    await expect.poll(shown, GENEROUS).toContain('到站了，下车吧');
    await expect.poll(shown, GENEROUS).toContain('the conductor got off first');
    await expect.poll(() => page.textContent('[data-testid="run-status"]'), GENEROUS).toMatch(/exited with code 0/);
  });

  it('shows the lines of one process where lines name their process', async () => {
    const { page } = lab;
    const conductor = /\[(\d+)\] conductor: on board/.exec(await terminalText(page))![1]!;
    await page.selectOption('[data-testid="output-of"]', conductor);
    const lines = page.locator('[data-testid="process-lines"]');
    await expect.poll(() => lines.textContent(), GENEROUS).toContain('到站了，下车吧');
    expect(await lines.textContent()).not.toContain('driver:');
    await page.selectOption('[data-testid="language"]', 'zh');
    await screenshot(page, 'lab-run-zh');
    await page.selectOption('[data-testid="language"]', 'en');
    await page.selectOption('[data-testid="output-of"]', '');
  });

  it('runs your own program on the terminal: what you type is its input, in both themes', async () => {
    const { page } = lab;
    await page.fill(
      '[data-testid="command-line"]',
      `sh -c 'printf "name? "; read name; printf "\\033[32m[%s] hello %s\\033[0m\\n" $$ "$name"; tty'`,
    );
    await page.press('[data-testid="command-line"]', 'Enter');
    await expect.poll(() => terminalText(page), GENEROUS).toContain('name?');
    await page.click('[data-testid="run-terminal"]');
    await page.keyboard.type('student');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page), GENEROUS).toContain('hello student');
    await expect.poll(() => terminalText(page), GENEROUS).toMatch(/\/dev\/pts\/\d+/);
    await page.selectOption('[data-testid="theme"]', 'dark');
    await screenshot(page, 'lab-own-dark');
    await page.selectOption('[data-testid="theme"]', 'light');
    await screenshot(page, 'lab-own-light');
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
    // Stopping ends with "ended early" only once no process of the run is left (TERM, a grace period,
    // then KILL until none remains), which on a loaded machine can take longer than 20 s.
    const STOPPING = { timeout: 60_000 };
    await expect.poll(() => lab.page.textContent('[data-testid="run-status"]'), STOPPING).toMatch(/ended early/);
    // The orphaned zombie is reaped by init, which some machines' init does only now and then.
    await expect.poll(() => timeline.textContent(), STOPPING).toContain('zombie reaped: its exit code 7 was collected');
  });

  it('logged no console errors', () => {
    expect(lab.app.session.consoleErrors).toEqual([]);
  });
});
