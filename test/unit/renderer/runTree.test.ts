// The run tree's store and rows: ghosts with status, newborns, adopters, pstree guides, and the
// LabSession that keeps what the lab shows.
import { describe, expect, it } from 'vitest';
import { LabSession } from '../../../src/renderer/src/store/LabSession';
import { ProcessStore } from '../../../src/renderer/src/store/ProcessStore';
import {
  GHOSTS_KEPT,
  MEMBERS_KEPT,
  RUN_GHOST_MS,
  RunProcessStore,
} from '../../../src/renderer/src/store/RunProcessStore';
import { processKey } from '../../../src/renderer/src/views/processKey';
import { runTreeRows } from '../../../src/renderer/src/views/runTreeRows';
import type { ProcessEvent } from '../../../src/shared/model/ProcessEvent';
import type { ProcessRecord } from '../../../src/shared/model/ProcessRecord';
import type { RunProcesses } from '../../../src/shared/model/RunProcesses';
import { exitedEvent, makeRecord, makeSummary, spawnedEvent } from '../../support/makeRecord';

const RUN = 'abcd0123';
const message = (at: number, processes: ProcessRecord[], events: ProcessEvent[] = [], adopters = []): RunProcesses => ({
  runId: RUN,
  at,
  processes,
  adopters,
  events,
});
const born = spawnedEvent;
const died = exitedEvent;
const run = { rootPid: 10, rootStartTime: makeRecord({ pid: 10 }).startTime, exitCode: null, exitSignal: null };

describe('RunProcessStore', () => {
  const parent = makeRecord({ pid: 10, ppid: 1 });
  const child = makeRecord({ pid: 11, ppid: 10 });
  const zombie = { ...child, state: 'Z' as const, stat: 'Z' };

  it('marks births, turns exits into ghosts with their status, and keeps them once the run is over', () => {
    let now = 1_000;
    const store = new RunProcessStore(() => now);
    store.apply(message(now, [parent, child], [born(parent, now), born(child, now)]));
    expect(store.rows(RUN).map((r) => [r.record.pid, r.isNew, r.exit])).toEqual([
      [10, true, null],
      [11, true, null],
    ]);
    now += 100;
    store.apply(message(now, [parent, zombie]));
    now += 100;
    store.apply(message(now, [parent], [died(zombie, now)]));
    const ghost = store.rows(RUN).find((r) => r.record.pid === 11)!;
    expect(ghost.exit).toMatchObject({ exitedAt: now, wasZombie: true });
    expect(store.find(ghost.key)?.exit).toBe(ghost.exit);

    now += RUN_GHOST_MS + 1;
    store.expire();
    expect(store.rows(RUN).map((r) => [r.record.pid, r.isNew, r.exit !== null])).toEqual([[10, false, false]]);

    store.apply(message(now, [], [died(parent, now, 0)]));
    now += RUN_GHOST_MS * 10;
    store.expire();
    expect(store.rows(RUN).map((r) => [r.record.pid, r.exit?.exitCode])).toEqual([[10, 0]]);
  });

  it('ignores an answer older than what it has, and bounds its ghosts', () => {
    const store = new RunProcessStore(() => 0);
    store.apply(message(2_000, [parent]));
    store.apply(message(1_000, [parent, child]));
    expect(store.rows(RUN).map((r) => r.record.pid)).toEqual([10]);
    for (let i = 0; i < GHOSTS_KEPT + 5; i++) {
      const short = makeRecord({ pid: 100 + i, ppid: 10 });
      store.apply(message(3_000 + 2 * i, [parent, short]));
      store.apply(message(3_001 + 2 * i, [parent], [died(short, 3_001 + 2 * i)]));
    }
    expect(store.rows(RUN).filter((r) => r.exit)).toHaveLength(GHOSTS_KEPT);
  });

  it('remembers every process seen in a run after its ghost is gone, those first seen alive too, up to MEMBERS_KEPT', () => {
    let now = 1_000;
    const store = new RunProcessStore(() => now);
    // A page opened late: the first message lists the run's processes, with no births.
    store.apply(message(now, [parent, child]));
    now += 100;
    store.apply(message(now, [parent], [died(child, now)]));
    now += RUN_GHOST_MS + 1;
    store.expire();
    expect(store.rows(RUN).map((r) => r.record.pid)).toEqual([10]);
    expect([...store.membersOf(RUN)].sort()).toEqual([processKey(parent), processKey(child)].sort());
    expect(store.membersOf('another run').size).toBe(0);
    for (let i = 0; i < MEMBERS_KEPT; i++) store.apply(message(now + 1 + i, [parent, makeRecord({ pid: 1000 + i })]));
    expect(store.membersOf(RUN).size).toBe(MEMBERS_KEPT);
    // The oldest are forgotten first; the first process, always listed, stays.
    expect(store.membersOf(RUN).has(processKey(child))).toBe(false);
    expect(store.membersOf(RUN).has(processKey(parent))).toBe(true);
  });
});

describe('runTreeRows', () => {
  it('draws guides, names the adopter of an orphan, and gives the first process the run’s status', () => {
    const root = makeRecord({ pid: 10, ppid: 1 });
    const a = makeRecord({ pid: 11, ppid: 10 });
    const b = makeRecord({ pid: 12, ppid: 10 });
    const grandchild = makeRecord({ pid: 13, ppid: 11 });
    const orphan = makeRecord({ pid: 14, ppid: 1 });
    const rows = [root, a, b, grandchild, orphan].map((record) => ({
      key: `${record.pid}:${record.startTime}`,
      record,
      exit: record === root ? { exitedAt: 5, wasZombie: false } : null,
      isNew: false,
    }));
    const shown = runTreeRows(rows, { ...run, exitCode: 3 }, new Map([[1, 'init']]));
    expect(shown.map((r) => [r.record.pid, r.depth, r.guide, r.adoptedBy])).toEqual([
      [10, 0, '', null],
      [11, 1, '├─', null],
      [13, 2, '│ └─', null],
      [12, 1, '└─', null],
      [14, 0, '', { pid: 1, comm: 'init' }],
    ]);
    expect(shown[0]!.exit).toMatchObject({ exitCode: 3 });
  });
});

describe('LabSession', () => {
  it('opens a run with its demo, and shows a demo without closing the run for good', () => {
    const session = new LabSession();
    session.chooseDemo('fork');
    session.openRun('run1', 'zombie');
    expect(session.getState()).toMatchObject({ demoId: 'zombie', runId: 'run1' });
    session.openRun('run2', null);
    expect(session.getState()).toMatchObject({ demoId: 'zombie', runId: 'run2' });
    session.setGuideOpen(false);
    session.chooseDemo('fork');
    expect(session.getState()).toEqual({ demoId: 'fork', runId: null, guideOpen: false });
  });
});

describe('ProcessStore', () => {
  it('publishes a new view of its table with every change, so memos keyed on it recompute', () => {
    const store = new ProcessStore(() => 0);
    store.loadSnapshot({ seq: 0, rows: [makeRecord({ pid: 1 })], summary: makeSummary(0) });
    const before = store.getState().byPid;
    store.applyDelta({
      seq: 1,
      reset: false,
      removed: [],
      upserts: [makeRecord({ pid: 2 })],
      events: [],
      droppedEvents: 0,
      summary: makeSummary(1),
    });
    const after = store.getState().byPid;
    expect(after).not.toBe(before);
    expect([...after.keys()]).toEqual([1, 2]);
    expect(after.get(2)?.pid).toBe(2);
  });
});
