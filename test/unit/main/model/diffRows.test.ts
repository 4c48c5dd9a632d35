import { describe, expect, it } from 'vitest';
import { diffRows } from '../../../../src/main/model/diffRows';
import { makeRecord, tableOf } from '../../../support/makeRecord';

describe('diffRows (mark and sweep)', () => {
  const parent = makeRecord({ pid: 10 });
  const child = makeRecord({ pid: 11, ppid: 10 });

  it('reports births and deaths', () => {
    const diff = diffRows(tableOf(parent), tableOf(child), 5);
    expect(diff.removed).toEqual([10]);
    expect(diff.upserts).toEqual([child]);
    expect(diff.events.map((e) => `${e.kind}:${e.pid}`).sort()).toEqual(['exited:10', 'spawned:11']);
    expect(diff.events.every((e) => e.at === 5)).toBe(true);
  });

  it('sends nothing for a record that is the same object or has the same values', () => {
    expect(diffRows(tableOf(parent), tableOf(parent), 1)).toEqual({ removed: [], upserts: [], events: [] });
    const copy = { ...parent };
    expect(diffRows(tableOf(parent), tableOf(copy), 1)).toEqual({ removed: [], upserts: [], events: [] });
  });

  it('sends a changed row without an event when only CPU use changed', () => {
    const busier = { ...parent, cpuPercent: 50 };
    const diff = diffRows(tableOf(parent), tableOf(busier), 1);
    expect(diff.upserts).toEqual([busier]);
    expect(diff.events).toEqual([]);
  });

  it('reports a reused pid as an exit and a birth', () => {
    const reused = makeRecord({ pid: 10, startTime: parent.startTime + 5000, comm: 'other' });
    const diff = diffRows(tableOf(parent), tableOf(reused), 1);
    expect(diff.removed).toEqual([10]);
    expect(diff.upserts).toEqual([reused]);
    expect(diff.events.map((e) => e.kind)).toEqual(['exited', 'spawned']);
  });

  it('reports reparenting with the old and the new parent', () => {
    const adopted = { ...child, ppid: 1 };
    const diff = diffRows(tableOf(parent, child), tableOf(parent, adopted), 1);
    expect(diff.events).toContainEqual(
      expect.objectContaining({ kind: 'reparented', pid: 11, oldPpid: 10, newPpid: 1 }),
    );
    expect(diff.events).toContainEqual(expect.objectContaining({ kind: 'changed', changes: { ppid: [10, 1] } }));
  });

  it('reports a zombie once, when the state enters Z', () => {
    const zombie = { ...child, state: 'Z' as const, stat: 'Z' };
    const first = diffRows(tableOf(child), tableOf(zombie), 1);
    expect(first.events).toContainEqual(
      expect.objectContaining({ kind: 'zombie', pid: 11, ppid: 10, previousState: 'S' }),
    );
    const second = diffRows(tableOf(zombie), tableOf({ ...zombie }), 2);
    expect(second.events).toEqual([]);
  });

  it('gives the zombie and its exit the status the zombie held, and nothing when it was not seen', () => {
    const zombie = { ...child, state: 'Z' as const, stat: 'Z', exitStatus: 7 << 8 };
    expect(diffRows(tableOf(child), tableOf(zombie), 1).events).toContainEqual(
      expect.objectContaining({ kind: 'zombie', pid: 11, exitCode: 7, signal: null }),
    );
    expect(diffRows(tableOf(zombie), tableOf(), 2).events).toEqual([
      expect.objectContaining({ kind: 'exited', pid: 11, exitCode: 7, signal: null }),
    ]);
    const killed = { ...zombie, exitStatus: 9 };
    expect(diffRows(tableOf(killed), tableOf(), 2).events[0]).toMatchObject({ exitCode: null, signal: 'SIGKILL' });
    const unseen = diffRows(tableOf(child), tableOf(), 2).events[0]!;
    expect(unseen).not.toHaveProperty('exitCode');
    expect(unseen).not.toHaveProperty('signal');
  });

  it('reports a zombie first seen already dead (born and exited within one interval)', () => {
    const zombie = makeRecord({ pid: 12, ppid: 10, state: 'Z' });
    const diff = diffRows(tableOf(parent), tableOf(parent, zombie), 1);
    expect(diff.events).toContainEqual(expect.objectContaining({ kind: 'zombie', pid: 12, previousState: null }));
  });
});
