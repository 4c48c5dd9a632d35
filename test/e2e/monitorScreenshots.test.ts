// Screenshots of the monitor to look at (test-artifacts/monitor-*.png): 1280x720 and 1920x1080,
// English and 中文, light and dark; the table, the tree, a zombie row, the signal dialog on a caught
// signal, the PCB with its chart, and the timeline of one process's family.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type OpenApp } from '../support/browserMode';
import { ChildProcesses, procState } from '../support/ChildProcesses';
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
  let app: OpenApp;
  let page: Page;
  const children = new ChildProcesses();
  /** A parent that forks a short-lived child every second (its own process group, ended whole). */
  let family: ReturnType<ChildProcesses['spawn']>;
  let handler: Awaited<ReturnType<ChildProcesses['nodeWithUsr1Handler']>>;
  let zombie = 0;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    handler = await children.nodeWithUsr1Handler();
    family = children.spawn(
      'python3',
      [
        '-c',
        'import os, time\nwhile True:\n    pid = os.fork()\n    if pid == 0:\n        time.sleep(0.8)\n        os._exit(3)\n    os.waitpid(pid, 0)',
      ],
      { detached: true },
    );
    const parent = children.spawn('sh', ['-c', 'sleep 0.1 & exec sleep 300']);
    zombie = await waitFor('a zombie', () => {
      const pid = Number(readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim());
      return pid > 0 && procState(pid) === 'Z' ? pid : null;
    });
  });

  afterAll(async () => {
    await app?.close();
    // The forking parent and whichever child it has at that moment: its group, and nothing else.
    if (family?.pid) process.kill(-family.pid, 'SIGKILL');
    await children.killAll();
  });

  for (const look of LOOKS) {
    const name = (view: string) => `monitor-${look.width}-${look.language}-${look.theme}-${view}`;

    it(`at ${look.width}x${look.height} in ${look.language}, ${look.theme}`, async () => {
      await page.setViewportSize({ width: look.width, height: look.height });
      await page.selectOption('[data-testid="language"]', look.language);
      await page.selectOption('[data-testid="theme"]', look.theme);

      await selectProcess(page, handler.child.pid);
      await page.fill('[data-testid="search"]', '');
      await screenshot(page, name('table'));

      await page.click('[data-testid="view-tree"]');
      await page.fill('[data-testid="search"]', `pid=${family.pid}`);
      await page.locator(`[role="row"][data-pid="${family.pid}"]`).waitFor(GENEROUS);
      await screenshot(page, name('tree'));
      await page.click('[data-testid="view-table"]');

      await page.fill('[data-testid="search"]', `state=Z pid=${zombie}`);
      await page.locator(`[role="row"][data-pid="${zombie}"]`).waitFor(GENEROUS);
      await screenshot(page, name('zombie'));

      await selectProcess(page, handler.child.pid);
      await page.click('[data-testid="open-signal-dialog"]');
      await page.fill('[data-testid="signal-dialog"] input[type="search"]', 'usr');
      await page.click('[data-testid="signal-dialog"] [data-signal="SIGUSR1"]');
      await expect.poll(() => page.getAttribute('[data-testid="prediction"]', 'data-kind'), GENEROUS).toBe('handler');
      await screenshot(page, name('signal-dialog'));
      await page.keyboard.press('Escape');

      await page.locator('[data-testid="history-chart"] canvas').waitFor(GENEROUS);
      await page.locator('[data-testid="history-chart"]').scrollIntoViewIfNeeded();
      await screenshot(page, name('details-chart'));

      await selectProcess(page, family.pid);
      await page.selectOption('[data-testid="timeline-scope"]', 'process');
      await expect
        .poll(() => page.locator('[data-testid="timeline-list"] button[data-kind="exited"]').count(), GENEROUS)
        .toBeGreaterThan(0);
      await screenshot(page, name('timeline'));
      await page.selectOption('[data-testid="timeline-scope"]', 'all');
    });
  }

  it('logged no console errors', () => {
    expect(app.session.consoleErrors).toEqual([]);
  });
});
