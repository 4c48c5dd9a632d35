// The timeline in Chromium with real processes: scoped to a process and its descendants, filtered
// by kind, exported, in time order after a signal, and only the rows in view in the DOM, which
// take new entries in place.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChildProcesses } from '../support/ChildProcesses';
import { useMonitor } from '../support/monitorPage';
import { chooseSignal, selectProcess, sendConfirmingOutsideLab } from '../support/uiActions';

const GENEROUS = { timeout: 20_000 };
const rows = (page: Page) => page.locator('[data-testid="timeline-list"] button[data-kind]');
const rowFacts = (page: Page) =>
  rows(page).evaluateAll((buttons) =>
    buttons.map((b) => ({ kind: b.getAttribute('data-kind'), pid: Number(b.getAttribute('data-pid')) })),
  );

describe('the timeline in the browser', () => {
  const monitor = useMonitor();
  let shellPid = 0;

  beforeAll(async () => {
    await monitor.page.selectOption('[data-testid="interval"]', '500');
  });

  it('shows the selected process and its descendants only, the ones that are gone too, by kind', async () => {
    // A shell whose children live 1.5 s each, one after another (sampled even on a loaded machine).
    const shell = monitor.children.spawn('sh', ['-c', 'for i in 1 2 3; do sleep 1.5; done; echo done; exec sleep 300']);
    shellPid = shell.pid;
    const stranger = monitor.children.spawn('sleep', ['301']);
    await selectProcess(monitor.page, shell.pid);
    await monitor.page.selectOption('[data-testid="timeline-scope"]', 'process');
    await ChildProcesses.firstLine(shell);
    const family = (facts: { pid: number; kind: string | null }[]) => facts.filter((f) => f.pid !== shell.pid);
    await expect
      .poll(async () => family(await rowFacts(monitor.page)).filter((f) => f.kind === 'exited').length, GENEROUS)
      .toBeGreaterThanOrEqual(2);
    const facts = await rowFacts(monitor.page);
    expect(facts.map((f) => f.pid)).not.toContain(stranger.pid);
    const seen = new Set(facts.map((f) => f.pid));
    // Every pid shown is the shell's or one of the sleeps it started (gone now, all but the last).
    for (const pid of seen) if (pid !== shell.pid) expect(facts).toContainEqual({ kind: 'spawned', pid });

    await monitor.page.click('[data-testid="timeline-kind-spawned"]');
    await expect.poll(async () => (await rowFacts(monitor.page)).some((f) => f.kind === 'spawned')).toBe(false);
    await monitor.page.click('[data-testid="timeline-kind-spawned"]');
  });

  it('exports what it shows as CSV and JSON', async () => {
    // Once the shell's family is done changing (its three sleeps gone, itself a sleep now), so that
    // both exports see the same entries.
    const settled = (facts: { pid: number; kind: string | null }[]) =>
      facts.filter((f) => f.kind === 'exited').length === 3 &&
      facts.some((f) => f.pid === shellPid && f.kind === 'exec');
    await expect.poll(async () => settled(await rowFacts(monitor.page)), GENEROUS).toBe(true);
    const shown = await rowFacts(monitor.page);
    const [csv] = await Promise.all([
      monitor.page.waitForEvent('download'),
      monitor.page.click('[data-testid="export-csv"]'),
    ]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    const lines = csvText.trim().split('\r\n');
    expect(lines[0]).toBe('time,epochMs,kind,pid,startTime,comm,text');
    expect(lines.length - 1).toBeGreaterThanOrEqual(shown.length);
    const [json] = await Promise.all([
      monitor.page.waitForEvent('download'),
      monitor.page.click('[data-testid="export-json"]'),
    ]);
    type Exported = { pid: number; epochMs: number; kind: string; detail: { ppid?: number } };
    const entries = JSON.parse(readFileSync((await json.path())!, 'utf8')) as Exported[];
    expect(entries.length).toBe(lines.length - 1);
    // The shell and the children it was seen to start, nothing else.
    const started = new Set(
      entries.filter((e) => e.kind === 'spawned' && e.detail.ppid === shellPid).map((e) => e.pid),
    );
    expect(entries.every((e) => e.pid === shellPid || started.has(e.pid))).toBe(true);
    // Oldest first, in time order.
    expect(entries.map((e) => e.epochMs)).toEqual([...entries.map((e) => e.epochMs)].sort((a, b) => a - b));
  });

  it('puts a signal before the exit it caused, though its report comes a second later', async () => {
    const sleeper = monitor.children.spawn('sleep', ['302']);
    await selectProcess(monitor.page, sleeper.pid);
    await chooseSignal(monitor.page, 'SIGTERM');
    await sendConfirmingOutsideLab(monitor.page);
    await expect.poll(() => monitor.page.textContent('[data-testid="observed"]'), GENEROUS).toContain('exited');
    await monitor.page.keyboard.press('Escape');
    // Newest first: the exit, then the signal that caused it, then the birth. (A sample that caught
    // the child between fork and exec adds an exec entry, which says nothing of this order.)
    await expect
      .poll(
        async () =>
          (await rowFacts(monitor.page)).filter((f) => f.pid === sleeper.pid && f.kind !== 'exec').map((f) => f.kind),
        GENEROUS,
      )
      .toEqual(['exited', 'signal', 'spawned']);
  });

  it('draws only the rows in view, whatever the length of the history', async () => {
    // Sixty sleeps of 2 s: 120 entries at least.
    const shell = monitor.children.spawn('sh', [
      '-c',
      'i=0; while [ $i -lt 60 ]; do sleep 2 & i=$((i+1)); done; wait; echo done; exec sleep 300',
    ]);
    await monitor.page.selectOption('[data-testid="timeline-scope"]', 'all');
    await ChildProcesses.firstLine(shell);
    await expect
      .poll(
        async () => Number((await monitor.page.textContent('[data-testid="timeline-count"]'))?.match(/\d+/)?.[0]),
        GENEROUS,
      )
      .toBeGreaterThan(120);
    const drawn = await monitor.page.locator('[data-testid="timeline-list"] > li').count();
    const height = (await monitor.page.locator('[data-testid="timeline-list"]').boundingBox())!.height;
    // The rows that fit, plus the overscan on either side (2 rows each) and the spacer.
    expect(drawn).toBeLessThanOrEqual(Math.ceil(height / 24) + 5);
  });

  it('writes new entries into the rows in view instead of building new rows', async () => {
    await monitor.page.selectOption('[data-testid="timeline-scope"]', 'all');
    const topRow = monitor.page.locator('[data-testid="timeline-list"] > li[style*="translateY(0px)"]');
    await expect.poll(() => topRow.count(), GENEROUS).toBe(1);
    const before = await topRow.evaluate((li) => {
      (li as HTMLElement & { keptMark?: boolean }).keptMark = true;
      return li.querySelector('button')!.getAttribute('data-pid');
    });
    // Its birth is a new entry on top (or another process's, on a busy machine).
    monitor.children.spawn('sleep', ['303']);
    await expect.poll(() => topRow.locator('button').getAttribute('data-pid'), GENEROUS).not.toBe(before);
    // The same element, holding the newest entry now: the flood of a busy machine costs the page
    // a few changed words a second, not rows removed and built again.
    expect(await topRow.evaluate((li) => (li as HTMLElement & { keptMark?: boolean }).keptMark)).toBe(true);
  });

  it('logged no console errors', () => {
    expect(monitor.app.session.consoleErrors).toEqual([]);
  });
});
