// Screenshots of the monitor to look at (test-artifacts/monitor-*.png): 1280x720 and 1920x1080,
// English and 中文, light and dark; the table, the tree, a zombie row, the signal dialog on a caught
// signal, the PCB with its chart, and the timeline of one process's family.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browserMode';
import { ChildProcesses, procState } from '../support/ChildProcesses';
import { useMonitor } from '../support/monitorPage';
import { selectProcess } from '../support/uiActions';
import { waitFor } from '../support/waitFor';

const GENEROUS = { timeout: 20_000 };
const LOOKS = [
  { width: 1280, height: 720, language: 'en', theme: 'light' },
  { width: 1280, height: 720, language: 'zh', theme: 'dark' },
  { width: 1920, height: 1080, language: 'en', theme: 'dark' },
  { width: 1920, height: 1080, language: 'zh', theme: 'light' },
] as const;

describe('the monitor, as it looks', () => {
  const monitor = useMonitor();
  /** A parent that forks a short-lived child every second (its own process group, ended whole). */
  let family: ReturnType<ChildProcesses['spawn']>;
  let handler: Awaited<ReturnType<ChildProcesses['nodeWithUsr1Handler']>>;
  let zombie = 0;

  beforeAll(async () => {
    handler = await monitor.children.nodeWithUsr1Handler();
    family = monitor.children.spawn(
      'python3',
      [
        '-c',
        'import os, time\nwhile True:\n    pid = os.fork()\n    if pid == 0:\n        time.sleep(0.8)\n        os._exit(3)\n    os.waitpid(pid, 0)',
      ],
      { detached: true },
    );
    const parent = monitor.children.spawn('sh', ['-c', 'sleep 0.1 & exec sleep 300']);
    zombie = await waitFor('a zombie', () => {
      const pid = Number(readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim());
      return pid > 0 && procState(pid) === 'Z' ? pid : null;
    });
  });

  afterAll(() => {
    // The forking parent and whichever child it has at that moment: its group, and nothing else.
    if (family?.pid) process.kill(-family.pid, 'SIGKILL');
  });

  for (const look of LOOKS) {
    const name = (view: string) => `monitor-${look.width}-${look.language}-${look.theme}-${view}`;

    it(`at ${look.width}x${look.height} in ${look.language}, ${look.theme}`, async () => {
      await monitor.page.setViewportSize({ width: look.width, height: look.height });
      await monitor.page.selectOption('[data-testid="language"]', look.language);
      await monitor.page.selectOption('[data-testid="theme"]', look.theme);

      await selectProcess(monitor.page, handler.child.pid);
      await monitor.page.fill('[data-testid="search"]', '');
      await screenshot(monitor.page, name('table'));

      await monitor.page.click('[data-testid="view-tree"]');
      await monitor.page.fill('[data-testid="search"]', `pid=${family.pid}`);
      await monitor.page.locator(`[role="row"][data-pid="${family.pid}"]`).waitFor(GENEROUS);
      await screenshot(monitor.page, name('tree'));
      await monitor.page.click('[data-testid="view-table"]');

      await monitor.page.fill('[data-testid="search"]', `state=Z pid=${zombie}`);
      await monitor.page.locator(`[role="row"][data-pid="${zombie}"]`).waitFor(GENEROUS);
      await screenshot(monitor.page, name('zombie'));

      await selectProcess(monitor.page, handler.child.pid);
      await monitor.page.click('[data-testid="open-signal-dialog"]');
      await monitor.page.fill('[data-testid="signal-dialog"] input[type="search"]', 'usr');
      await monitor.page.click('[data-testid="signal-dialog"] [data-signal="SIGUSR1"]');
      await expect
        .poll(() => monitor.page.getAttribute('[data-testid="prediction"]', 'data-kind'), GENEROUS)
        .toBe('handler');
      await screenshot(monitor.page, name('signal-dialog'));
      await monitor.page.keyboard.press('Escape');

      await monitor.page.locator('[data-testid="history-chart"] canvas').waitFor(GENEROUS);
      await monitor.page.locator('[data-testid="history-chart"]').scrollIntoViewIfNeeded();
      await screenshot(monitor.page, name('details-chart'));

      await selectProcess(monitor.page, family.pid);
      await monitor.page.selectOption('[data-testid="timeline-scope"]', 'process');
      await expect
        .poll(() => monitor.page.locator('[data-testid="timeline-list"] button[data-kind="exited"]').count(), GENEROUS)
        .toBeGreaterThan(0);
      await screenshot(monitor.page, name('timeline'));
      await monitor.page.selectOption('[data-testid="timeline-scope"]', 'all');
    });
  }

  it('logged no console errors', () => {
    expect(monitor.app.session.consoleErrors).toEqual([]);
  });
});
