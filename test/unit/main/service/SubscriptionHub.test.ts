// The hub's delivery rules on synthetic ticks: hold while the receiver is congested, merge, or send the table.
import { describe, expect, it } from 'vitest';
import type { RowDiff } from '../../../../src/main/model/diffRows';
import { ProcessTable } from '../../../../src/main/model/ProcessTable';
import type { LiveTable, TickListener } from '../../../../src/main/service/LiveTable';
import { SubscriptionHub } from '../../../../src/main/service/SubscriptionHub';
import { applyDelta, type ProcessDelta } from '../../../../src/shared/model/ProcessDelta';
import { makeRecord, makeSummary } from '../../../support/makeRecord';

/** The part of LiveTable the hub uses, driven by hand: a tick is applied to the table, then announced. */
function handDrivenTable() {
  const table = new ProcessTable();
  const listeners: TickListener[] = [];
  let now = 0;
  const live = {
    table,
    onTick: (listener: TickListener) => listeners.push(listener),
    setInterval: () => undefined,
  } as unknown as LiveTable;
  const tick = (diff: RowDiff) => {
    now += 1;
    table.apply(diff, makeSummary(now));
    for (const listener of listeners) listener({ diff, summary: table.summary!, workerMs: 0, totalMs: 0 });
  };
  return { live, table, tick };
}

function receiver() {
  const sink = { congested: false, deltas: [] as ProcessDelta[] };
  return {
    sink,
    deltaSink: {
      send: (_id: string, delta: ProcessDelta) => sink.deltas.push(delta),
      isCongested: () => sink.congested,
    },
  };
}

const spawned = (pid: number) => ({ kind: 'spawned' as const, at: 0, pid, startTime: 0, comm: 'x', ppid: 1 });

describe('SubscriptionHub', () => {
  it('holds updates while the receiver is congested and then sends one merged delta', () => {
    const { live, table, tick } = handDrivenTable();
    tick({ removed: [], upserts: [makeRecord({ pid: 1 }), makeRecord({ pid: 2 })], events: [] });
    const hub = new SubscriptionHub(live);
    const { sink, deltaSink } = receiver();
    hub.add('owner', 0, deltaSink);
    const seen = new Map(table.byPid);

    sink.congested = true;
    tick({ removed: [1], upserts: [makeRecord({ pid: 3 })], events: [spawned(3)] });
    tick({ removed: [], upserts: [makeRecord({ pid: 3, cpuPercent: 50 })], events: [] });
    expect(sink.deltas).toEqual([]);

    sink.congested = false;
    tick({ removed: [], upserts: [], events: [] });
    expect(sink.deltas).toHaveLength(1);
    const [merged] = sink.deltas;
    expect(merged).toMatchObject({ seq: 1, reset: false, removed: [1], events: [spawned(3)] });
    applyDelta(seen, merged!);
    expect(seen).toEqual(table.byPid);
  });

  it('sends the whole table instead once the held changes outgrow it', () => {
    const { live, table, tick } = handDrivenTable();
    tick({ removed: [], upserts: [makeRecord({ pid: 1 })], events: [] });
    const hub = new SubscriptionHub(live);
    const { sink, deltaSink } = receiver();
    hub.add('owner', 0, deltaSink);

    sink.congested = true;
    // Churn: ten short-lived processes come and go while the table stays at one or two rows.
    for (let pid = 100; pid < 110; pid++) {
      tick({ removed: [], upserts: [makeRecord({ pid })], events: [spawned(pid)] });
      tick({ removed: [pid], upserts: [], events: [] });
    }
    sink.congested = false;
    tick({ removed: [], upserts: [makeRecord({ pid: 2 })], events: [] });
    const [delta] = sink.deltas;
    expect(delta).toMatchObject({ reset: true, removed: [] });
    expect(delta!.upserts.map((r) => r.pid).sort()).toEqual([1, 2]);
    expect(delta!.events.filter((e) => e.kind === 'spawned')).toHaveLength(10);
    expect(table.byPid.size).toBe(2);
  });

  it('sends the whole table at once after a resume', () => {
    const { live, tick } = handDrivenTable();
    tick({ removed: [], upserts: [makeRecord({ pid: 1 })], events: [] });
    const hub = new SubscriptionHub(live);
    const { sink, deltaSink } = receiver();
    const id = hub.add('owner', 10_000, deltaSink);
    hub.setPaused(id, true);
    tick({ removed: [], upserts: [makeRecord({ pid: 2 })], events: [] });
    hub.setPaused(id, false);
    tick({ removed: [], upserts: [], events: [] });
    expect(sink.deltas).toHaveLength(1);
    expect(sink.deltas[0]).toMatchObject({ reset: true });
    expect(sink.deltas[0]!.upserts.map((r) => r.pid).sort()).toEqual([1, 2]);
  });
});
