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
