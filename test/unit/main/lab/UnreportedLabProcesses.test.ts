// Births and exits the samples could not see are added once, and only once no sample can list them.
import { describe, expect, it } from 'vitest';
import { UnreportedLabProcesses } from '../../../../src/main/lab/UnreportedLabProcesses';
import { makeRecord } from '../../../support/makeRecord';

const born = { pid: 700, startTime: 1_000, runId: 'r', ppid: 600, comm: 'sleep', seenAt: 1_010 };

describe('UnreportedLabProcesses', () => {
  it('adds the birth and the exit of a process that died before any sample began', () => {
    const unreported = new UnreportedLabProcesses();
    unreported.born(born, new Map());
    unreported.gone({ ...born, goneAt: 1_200 });
    expect(unreported.missedBy([], 1_100)).toEqual([]);
    expect(unreported.missedBy([], 1_300)).toEqual([
      { kind: 'spawned', at: 1_010, pid: 700, startTime: 1_000, comm: 'sleep', ppid: 600 },
      { kind: 'exited', at: 1_200, pid: 700, startTime: 1_000, comm: 'sleep', ppid: 600 },
    ]);
    expect(unreported.missedBy([], 1_400)).toEqual([]);
  });

  it('adds nothing for a process a sample reported, before or after the watcher told of it', () => {
    const unreported = new UnreportedLabProcesses();
    const spawned = { kind: 'spawned' as const, at: 1_050, pid: 700, startTime: 1_000, comm: 'sleep', ppid: 600 };
    unreported.born(born, new Map());
    expect(unreported.missedBy([spawned], 1_050)).toEqual([]);
    unreported.born(born, new Map());
    unreported.gone({ ...born, goneAt: 1_200 });
    expect(unreported.missedBy([], 1_300)).toEqual([]);
    unreported.born(born, new Map([[700, makeRecord({ pid: 700, startTime: 1_000 })]]));
    unreported.gone({ ...born, goneAt: 1_200 });
    expect(unreported.missedBy([], 1_300)).toEqual([]);
  });
});
