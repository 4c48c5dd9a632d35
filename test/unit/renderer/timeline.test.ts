import { describe, expect, it } from 'vitest';
import { TimelineLog } from '../../../src/renderer/src/store/TimelineLog';
import type { TimelineEntry, TimelineKind } from '../../../src/renderer/src/store/timelineEntries';
import { ViewStore } from '../../../src/renderer/src/store/ViewStore';
import { timelineCsv, timelineJson } from '../../../src/renderer/src/views/exportTimeline';
import { processKey } from '../../../src/renderer/src/views/processKey';
import { parseProcessQuery } from '../../../src/renderer/src/views/processQuery';
import { scopeTimeline, type ScopeContext } from '../../../src/renderer/src/views/timelineScope';
import type { RunInfo } from '../../../src/shared/model/Lab';
import { makeRecord, tableOf } from '../../support/makeRecord';

let id = 0;
function entry(at: number, kind: TimelineKind, pid: number, detail: TimelineEntry['detail'] = {}): TimelineEntry {
  const record = makeRecord({ pid, comm: `p${pid}`, user: pid === 40 ? 'root' : 'student' });
  return { id: ++id, at, kind, pid, startTime: record.startTime, comm: record.comm, detail, record };
}

describe('the timeline log', () => {
  it('keeps entries in time order, late ones in their place, and the newest up to its capacity', () => {
    const log = new TimelineLog<{ at: number; n: number }>(4);
    log.add([
      { at: 10, n: 1 },
      { at: 30, n: 2 },
    ]);
    log.add([{ at: 20, n: 3 }]);
    log.add([{ at: 30, n: 4 }]);
    expect(log.entries().map((e) => e.n)).toEqual([1, 3, 2, 4]);
    const before = log.entries();
    expect(log.entries()).toBe(before);
    log.add([{ at: 40, n: 5 }]);
    expect(log.entries().map((e) => e.n)).toEqual([3, 2, 4, 5]);
    expect(log.size).toBe(4);
    expect(log.version).toBe(4);
  });

  it('drops the others before the kept entries, which go only past their own bound', () => {
    const log = new TimelineLog<{ at: number; n: number; lab: boolean }>(6, 3);
    log.keep = () => (e) => e.lab;
    const at = (from: number, to: number, lab: boolean) =>
      Array.from({ length: to - from + 1 }, (_, i) => ({ at: from + i, n: from + i, lab }));
    log.add(at(1, 2, true));
    log.add(at(3, 12, false));
    expect(log.entries().map((e) => e.n)).toEqual([1, 2, 9, 10, 11, 12]);
    log.add(at(13, 15, true));
    expect(log.entries().map((e) => e.n)).toEqual([10, 11, 12, 13, 14, 15]);
    expect(() => new TimelineLog(3, 4)).toThrow(RangeError);
  });
});

describe('timeline scopes', () => {
  // 10 forks 11; 11 forks 12 and exits; 20 is unrelated; 40 is root's.
  const entries = [
    entry(100, 'spawned', 11, { ppid: 10 }),
    entry(110, 'spawned', 20, { ppid: 1 }),
    entry(120, 'spawned', 12, { ppid: 11 }),
    entry(130, 'exited', 11, { ppid: 10 }),
    entry(140, 'spawned', 40, { ppid: 1 }),
    entry(150, 'signal', 10, { signal: 'SIGTERM' }),
  ];
  const context = (change: Partial<ScopeContext>): ScopeContext => ({
    selected: null,
    byPid: tableOf(makeRecord({ pid: 10, startTime: 50 }), makeRecord({ pid: 12, ppid: 10 })),
    predicate: null,
    runs: [],
    runMembers: () => new Set(),
    ...change,
  });
  const pids = (list: readonly TimelineEntry[]) => list.map((e) => e.pid);

  it('shows a process and every descendant it had, including the ones that are gone', () => {
    const scoped = scopeTimeline(entries, { kind: 'process' }, context({ selected: { pid: 10, startTime: 50 } }));
    expect(pids(scoped)).toEqual([11, 12, 11, 10]);
    expect(scopeTimeline(entries, { kind: 'process' }, context({}))).toEqual([]);
    // A process that started later than an entry is not who that entry was about (pid reuse).
    const later = context({ selected: { pid: 10, startTime: 125 } });
    expect(pids(scopeTimeline(entries, { kind: 'process' }, later))).toEqual([10]);
  });

  it('shows what the search matches, and a lab run with its daemons', () => {
    const predicate = parseProcessQuery('user=root').predicate;
    expect(pids(scopeTimeline(entries, { kind: 'search' }, context({ predicate })))).toEqual([40]);
    expect(scopeTimeline(entries, { kind: 'search' }, context({}))).toBe(entries);
    const run = { runId: 'r1', rootPid: 11, livePids: [20], startedAt: 90 } as RunInfo;
    expect(pids(scopeTimeline(entries, { kind: 'run', runId: 'r1' }, context({ runs: [run] })))).toEqual([
      11, 20, 12, 11,
    ]);
    expect(scopeTimeline(entries, { kind: 'run', runId: 'gone' }, context({ runs: [run] }))).toEqual([]);
  });

  it("keeps a run's exited processes in its scope though this page never saw them born", () => {
    // Opened after the run began: no birth of 11 to trace it by, and it has exited since.
    const late = entries.filter((e) => e.kind !== 'spawned' || e.pid !== 11);
    const run = { runId: 'r1', rootPid: 10, livePids: [] as number[], startedAt: 90 } as RunInfo;
    const exited = late.find((e) => e.pid === 11)!;
    const byPid = tableOf(makeRecord({ pid: 40 }));
    expect(pids(scopeTimeline(late, { kind: 'run', runId: 'r1' }, context({ runs: [run], byPid })))).toEqual([10]);
    // The lab reported 11 as one of the run's processes: it stays in, pinned by its start time.
    const runMembers = (runId: string) => new Set(runId === 'r1' ? [processKey(exited)] : []);
    const scoped = scopeTimeline(late, { kind: 'run', runId: 'r1' }, context({ runs: [run], byPid, runMembers }));
    expect(pids(scoped)).toEqual([11, 10]);
    const otherOwner = { ...exited, startTime: exited.startTime + 1 };
    expect(
      scopeTimeline([otherOwner], { kind: 'run', runId: 'r1' }, context({ runs: [run], byPid, runMembers })),
    ).toEqual([]);
  });

  it('is scoped to an open lab run, and back to the previous scope when the run is closed', () => {
    const view = new ViewStore();
    view.setTimelineScope({ kind: 'search' });
    view.setOpenRun('r1');
    expect(view.getState().timelineScope).toEqual({ kind: 'run', runId: 'r1' });
    view.setOpenRun('r2');
    view.setOpenRun(null);
    expect(view.getState().timelineScope).toEqual({ kind: 'search' });
  });
});

describe('timeline export', () => {
  const words = (e: TimelineEntry) => ({ time: '', kind: e.kind, process: '', text: `said "hi", ${e.pid}` });

  it('writes RFC 4180 CSV and JSON with the words shown', () => {
    const list = [entry(Date.UTC(2025, 0, 2, 3, 4, 5), 'spawned', 7, { ppid: 1 })];
    const csv = timelineCsv(list, words);
    expect(csv.split('\r\n')).toEqual([
      'time,epochMs,kind,pid,startTime,comm,text',
      `2025-01-02T03:04:05.000Z,${list[0]!.at},spawned,7,${list[0]!.startTime},p7,"said ""hi"", 7"`,
      '',
    ]);
    expect(JSON.parse(timelineJson(list, words))).toEqual([
      expect.objectContaining({ kind: 'spawned', pid: 7, text: 'said "hi", 7', detail: { ppid: 1 } }),
    ]);
  });
});
