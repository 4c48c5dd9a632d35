import { describe, expect, it } from 'vitest';
import {
  GHOST_MS,
  LAB_TIMELINE_CAPACITY,
  NEW_MS,
  ProcessStore,
  TIMELINE_CAPACITY,
} from '../../../src/renderer/src/store/ProcessStore';
import { scopeTimeline } from '../../../src/renderer/src/views/timelineScope';
import type { RunInfo } from '../../../src/shared/model/Lab';
import type { ProcessDelta } from '../../../src/shared/model/ProcessDelta';
import type { ProcessEvent } from '../../../src/shared/model/ProcessEvent';
import { exitedEvent, makeRecord, makeSummary, spawnedEvent } from '../../support/makeRecord';

const summary = makeSummary;

function delta(at: number, change: Partial<ProcessDelta>): ProcessDelta {
  return {
    seq: 1,
    reset: false,
    removed: [],
    upserts: [],
    events: [],
    droppedEvents: 0,
    summary: summary(at),
    ...change,
  };
}
const spawned = spawnedEvent;
const exited = exitedEvent;
/** What the timeline panel scopes by, as of the store's table now. */
const noMembers = () => new Set<string>();
const context = (store: ProcessStore, runs: RunInfo[]) => ({
  selected: null,
  byPid: store.getState().byPid,
  predicate: null,
  runs,
  runMembers: noMembers,
});

describe('ProcessStore', () => {
  it('marks newborns for a while, keeps exited processes as ghosts, then forgets both', () => {
    let now = 1000;
    const store = new ProcessStore(() => now);
    const parent = makeRecord({ pid: 1, ppid: 0 });
    const child = makeRecord({ pid: 2, ppid: 1 });
    store.loadSnapshot({ seq: 0, rows: [parent], summary: summary(now) });
    expect(store.displayRows().map((r) => r.isNew)).toEqual([false]);

    store.applyDelta(delta(now, { upserts: [child], events: [spawned(child, now)] }));
    expect(store.displayRows().find((r) => r.record.pid === 2)?.isNew).toBe(true);
    now += NEW_MS + 1;
    store.expire();
    expect(store.displayRows().find((r) => r.record.pid === 2)?.isNew).toBe(false);

    store.applyDelta(delta(now, { removed: [2], events: [exited(child, now)] }));
    const ghost = store.displayRows().find((r) => r.record.pid === 2);
    expect(ghost?.exit).toMatchObject({ exitedAt: now, wasZombie: false });
    now += GHOST_MS - 10;
    store.expire();
    expect(store.displayRows()).toHaveLength(2);
    now += 20;
    store.expire();
    expect(store.displayRows().map((r) => r.record.pid)).toEqual([1]);
  });

  it('keeps the row of a process an update did not change, and makes a new one when it changed or stopped being new', () => {
    let now = 1000;
    const store = new ProcessStore(() => now);
    const quiet = makeRecord({ pid: 1, ppid: 0 });
    const child = makeRecord({ pid: 2, ppid: 1 });
    store.loadSnapshot({ seq: 0, rows: [quiet], summary: summary(now) });
    store.applyDelta(delta(now, { upserts: [child], events: [spawned(child, now)] }));
    const [quietRow, childRow] = store.displayRows();
    const busier = { ...quiet, cpuPercent: 50 };
    store.applyDelta(delta(now, {}));
    expect(store.displayRows()).toEqual([quietRow, childRow]);
    expect(store.displayRows()[0]).toBe(quietRow);
    expect(store.displayRows()[1]).toBe(childRow);

    now += NEW_MS + 1;
    store.applyDelta(delta(now, { upserts: [busier] }));
    const [busierRow, grownRow] = store.displayRows();
    expect(busierRow).not.toBe(quietRow);
    expect(busierRow!.record.cpuPercent).toBe(50);
    expect(grownRow).not.toBe(childRow);
    expect(grownRow!.isNew).toBe(false);
  });

  it('while updates come every second, they expire ghosts and birth marks, and expire() renders nothing more', () => {
    let now = 0;
    const store = new ProcessStore(() => now);
    const child = makeRecord({ pid: 2, ppid: 1 });
    store.loadSnapshot({ seq: 0, rows: [], summary: summary(now) });
    store.applyDelta(delta(now, { upserts: [child], events: [spawned(child, now)] }));
    let renders = 0;
    store.subscribe(() => (renders += 1));
    for (let second = 1; second <= NEW_MS / 1000 + 1; second++) {
      now += 500;
      store.expire();
      now += 500;
      store.applyDelta(delta(now, {}));
    }
    expect(renders).toBe(NEW_MS / 1000 + 1);
    expect(store.displayRows()[0]?.isNew).toBe(false);
  });

  it('hides a ghost whose pid a new process took', () => {
    const store = new ProcessStore(() => 0);
    const old = makeRecord({ pid: 7, startTime: 1 });
    const reused = makeRecord({ pid: 7, startTime: 2 });
    store.loadSnapshot({ seq: 0, rows: [old], summary: summary(0) });
    store.applyDelta(delta(0, { removed: [7], upserts: [reused], events: [exited(old, 0), spawned(reused, 0)] }));
    expect(store.displayRows().map((r) => r.key)).toEqual(['7:2']);
  });

  it('tells a reaped zombie from an exit in the timeline, and bounds the timeline', () => {
    const store = new ProcessStore(() => 0);
    const zombie = makeRecord({ pid: 3, state: 'Z' });
    store.loadSnapshot({ seq: 0, rows: [zombie], summary: summary(0) });
    store.applyDelta(delta(0, { removed: [3], events: [exited(zombie, 0)] }));
    expect(store.timelineEntries().map((e) => e.kind)).toEqual(['reaped']);
    const many = Array.from({ length: TIMELINE_CAPACITY + 50 }, (_, i) => spawned(makeRecord({ pid: 1000 + i }), 0));
    store.applyDelta(delta(0, { events: many }));
    expect(store.timelineEntries()).toHaveLength(TIMELINE_CAPACITY);
  });

  it("keeps a running lab run's entries while the rest of the machine floods the timeline", () => {
    const store = new ProcessStore(() => 0);
    const demo = makeRecord({ pid: 500, ppid: 400 });
    const child = makeRecord({ pid: 501, ppid: 500, state: 'Z' });
    const run = { runId: 'r1', rootPid: 500, livePids: [500, 501], startedAt: 1000 } as RunInfo;
    store.setLabRuns([run], noMembers);
    store.loadSnapshot({ seq: 0, rows: [], summary: summary(0) });
    store.applyDelta(delta(1000, { upserts: [demo], events: [spawned(demo, 1000)] }));
    const zombie = { ...spawned(child, 1100), kind: 'zombie', previousState: 'S' } as ProcessEvent;
    store.applyDelta(delta(1100, { upserts: [child], events: [spawned(child, 1100), zombie] }));
    const inRun = () =>
      scopeTimeline(store.timelineEntries(), { kind: 'run', runId: 'r1' }, context(store, [run])).map((e) => e.kind);
    expect(inRun()).toEqual(['spawned', 'spawned', 'zombie']);
    // Another user starts sleeps, a thousand a tick, more than the timeline holds.
    for (let tick = 0; tick < 11; tick++) {
      const at = 2000 + tick * 1000;
      const sleeps = Array.from({ length: 1000 }, (_, i) => makeRecord({ pid: 10_000 + tick * 1000 + i, ppid: 300 }));
      store.applyDelta(delta(at, { upserts: sleeps, events: sleeps.map((sleep) => spawned(sleep, at)) }));
    }
    expect(inRun()).toEqual(['spawned', 'spawned', 'zombie']);
    const entries = store.timelineEntries();
    expect(entries).toHaveLength(TIMELINE_CAPACITY);
    expect(entries.every((e, i) => i === 0 || entries[i - 1]!.at <= e.at)).toBe(true);
    expect(entries.at(-1)?.pid).toBe(10_000 + 10 * 1000 + 999);

    // A run that forks wildly keeps only its newest entries, within its own bound.
    const forks = Array.from({ length: LAB_TIMELINE_CAPACITY + 100 }, (_, i) =>
      makeRecord({ pid: 30_000 + i, ppid: 500 }),
    );
    store.applyDelta(delta(20_000, { upserts: forks, events: forks.map((fork) => spawned(fork, 20_000)) }));
    expect(inRun()).toHaveLength(LAB_TIMELINE_CAPACITY);
    expect(store.timelineEntries()).toHaveLength(TIMELINE_CAPACITY);
  });

  it('keeps the timeline in time order: a signal report comes a second late, a slow delta carries older ticks', () => {
    const store = new ProcessStore(() => 0);
    const target = makeRecord({ pid: 5 });
    store.loadSnapshot({ seq: 0, rows: [target], summary: summary(0) });
    const version = store.getState().timelineVersion;
    // Sent at 1000, reported after the watching second; the exit it caused was sampled at 1300.
    store.applyDelta(delta(1300, { removed: [5], events: [exited(target, 1300)] }));
    store.addSignalReport({
      id: 1,
      at: 1000,
      signal: 'SIGTERM',
      signalNumber: 15,
      target: 'process',
      pid: 5,
      startTime: target.startTime,
      pgid: null,
      comm: target.comm,
      delivered: [5],
      prediction: { kind: 'terminate', defaultAction: 'terminate' },
      observed: [],
      error: null,
    });
    // A subscriber at a slow interval gets a tick from before the report arrived.
    const late = makeRecord({ pid: 6 });
    store.applyDelta(delta(1100, { upserts: [late], events: [spawned(late, 1100)] }));
    expect(store.timelineEntries().map((e) => [e.at, e.kind])).toEqual([
      [1000, 'signal'],
      [1100, 'spawned'],
      [1300, 'exited'],
    ]);
    // Entries keep the record they were about (for the search scope), newborns included.
    expect(store.timelineEntries().map((e) => e.record?.pid)).toEqual([5, 6, 5]);
    expect(store.getState().timelineVersion).toBe(version + 3);
    // A quiet tick changes the table's version, not the timeline's.
    store.applyDelta(delta(2000, {}));
    expect(store.getState().timelineVersion).toBe(version + 3);
  });

  it('keeps a bounded CPU and RSS history of the tracked process, and its last state after it is gone', () => {
    let now = 0;
    const store = new ProcessStore(() => now);
    const p = makeRecord({ pid: 9, cpuPercent: 1 });
    store.loadSnapshot({ seq: 0, rows: [p], summary: summary(0) });
    store.track('9:' + p.startTime);
    for (let i = 1; i <= 700; i++) store.applyDelta(delta(i * 1000, { upserts: [{ ...p, cpuPercent: i }] }));
    const points = store.historyPoints();
    expect(points).toHaveLength(600);
    expect(points.at(-1)).toMatchObject({ at: 700_000, cpuPercent: 700 });
    store.applyDelta(delta(701_000, { removed: [9], events: [exited(p, 701_000)] }));
    now = 701_000 + GHOST_MS + 1;
    store.expire();
    expect(store.find('9:' + p.startTime)).toBeNull();
    expect(store.lastKnown('9:' + p.startTime)?.exit).toMatchObject({ exitedAt: 701_000 });
  });
});
