import { describe, expect, it } from 'vitest';
import { DeltaAccumulator, MAX_PENDING_EVENTS } from '../../../../src/main/service/DeltaAccumulator';
import { applyDelta } from '../../../../src/shared/model/ProcessDelta';
import { makeRecord, makeSummary, tableOf } from '../../../support/makeRecord';

const summary = makeSummary;

describe('DeltaAccumulator', () => {
  it('merges several ticks into one delta that gives the same table as applying each', () => {
    const a = makeRecord({ pid: 1 });
    const b = makeRecord({ pid: 2 });
    const bBusy = { ...b, cpuPercent: 9 };
    const c = makeRecord({ pid: 3 });
    const ticks = [
      { removed: [], upserts: [b], events: [] },
      { removed: [1], upserts: [bBusy, c], events: [] },
      { removed: [3], upserts: [], events: [] },
    ];
    const stepByStep = tableOf(a);
    const merged = tableOf(a);
    const acc = new DeltaAccumulator();
    ticks.forEach((tick, i) => {
      applyDelta(stepByStep, { reset: false, ...tick });
      acc.add(tick, summary(i));
    });
    const delta = acc.take(1);
    applyDelta(merged, delta);
    expect(merged).toEqual(stepByStep);
    expect(delta.summary.takenAt).toBe(2);
    expect(acc.hasData).toBe(false);
  });

  it('bounds the events it keeps and counts the rest', () => {
    const acc = new DeltaAccumulator();
    const events = Array.from({ length: MAX_PENDING_EVENTS + 7 }, (_, i) => ({
      kind: 'spawned' as const,
      at: 0,
      pid: i,
      startTime: 0,
      comm: 'x',
      ppid: 1,
    }));
    acc.add({ removed: [], upserts: [], events }, summary(0));
    const delta = acc.take(1);
    expect(delta.events).toHaveLength(MAX_PENDING_EVENTS);
    expect(delta.droppedEvents).toBe(7);
  });
});

describe('DeltaAccumulator for the whole table', () => {
  it('keeps only events and the summary once told the table will be sent, and says reset', () => {
    const acc = new DeltaAccumulator();
    acc.add({ removed: [5], upserts: [makeRecord({ pid: 1 })], events: [] }, summary(0));
    expect(acc.changedRows).toBe(2);
    acc.sendWholeTable();
    const event = { kind: 'spawned' as const, at: 1, pid: 2, startTime: 0, comm: 'x', ppid: 1 };
    acc.add({ removed: [3], upserts: [makeRecord({ pid: 2 })], events: [event] }, summary(1));
    expect(acc.changedRows).toBe(0);
    expect(acc.take(1)).toMatchObject({ reset: true, removed: [], upserts: [], events: [event] });
    acc.add({ removed: [], upserts: [makeRecord({ pid: 4 })], events: [] }, summary(2));
    expect(acc.take(2)).toMatchObject({ reset: false, upserts: [{ pid: 4 }] });
  });
});
