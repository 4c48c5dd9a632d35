// What the run feed tells of a run's processes when the lab and the samples disagree for a while:
// the lab forgets a process as soon as it is reaped, a sample may report its exit a tick later.
import { describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../../../src/shared/contract/methods';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import type { ProcessRecord } from '../../../../src/shared/model/ProcessRecord';
import type { WatchedProcess } from '../../../../src/main/lab/LabTreePoller';
import { RunProcessFeed } from '../../../../src/main/lab/RunProcessFeed';
import type { RowDiff } from '../../../../src/main/model/diffRows';
import { ProcessTable } from '../../../../src/main/model/ProcessTable';
import type { LiveTable, TickListener } from '../../../../src/main/service/LiveTable';
import { exitedEvent, makeRecord, makeSummary, spawnedEvent } from '../../../support/makeRecord';

const parent = makeRecord({ pid: 100, ppid: 50 });
const child = makeRecord({ pid: 101, ppid: 100 });
const run = { runId: 'r1', rootPid: parent.pid, rootStartTime: parent.startTime } as RunInfo;
const member = (r: ProcessRecord): WatchedProcess => ({ pid: r.pid, startTime: r.startTime, runId: 'r1' });

/** A process table fed by hand, tick by tick, as LiveTable feeds it from the sampler. */
function liveTable() {
  const table = new ProcessTable();
  const listeners: TickListener[] = [];
  let at = 0;
  const live = { table, onTick: (listener: TickListener) => void listeners.push(listener) } as unknown as LiveTable;
  const tick = (diff: Partial<RowDiff>) => {
    const full: RowDiff = { removed: [], upserts: [], events: [], ...diff };
    at += 100;
    table.apply(full, makeSummary(at));
    for (const listener of listeners) listener({ diff: full, summary: makeSummary(at), workerMs: 0, totalMs: 0 });
  };
  return { live, tick };
}

describe('RunProcessFeed', () => {
  it('keeps a reaped process until a sample reports its exit, and then tells the exit', () => {
    const { live, tick } = liveTable();
    const sent: EventPayloads['runProcesses'][] = [];
    let members = [member(parent), member(child)];
    new RunProcessFeed({ live, runs: () => [{ run, members }], broadcast: (_event, payload) => sent.push(payload) });

    tick({ upserts: [parent, child], events: [spawnedEvent(parent, 100), spawnedEvent(child, 100)] });
    expect(sent.at(-1)!.processes.map((p) => p.pid)).toEqual([100, 101]);

    // The lab saw the child reaped; this tick's sample was taken just before.
    members = [member(parent)];
    tick({});
    expect(sent.every((message) => message.processes.some((p) => p.pid === child.pid))).toBe(true);

    tick({ removed: [child.pid], events: [exitedEvent(child, 300, 0)] });
    expect(sent.at(-1)!.processes.map((p) => p.pid)).toEqual([100]);
    expect(sent.at(-1)!.events).toEqual([exitedEvent(child, 300, 0)]);
  });

  it('shows a member only where the table holds that very process (pid and start time)', () => {
    const { live, tick } = liveTable();
    const sent: EventPayloads['runProcesses'][] = [];
    const stranger = makeRecord({ pid: child.pid, startTime: child.startTime + 5 });
    new RunProcessFeed({
      live,
      runs: () => [{ run, members: [member(parent), member(child)] }],
      broadcast: (_event, payload) => sent.push(payload),
    });
    tick({ upserts: [parent, stranger] });
    expect(sent.at(-1)!.processes.map((p) => p.pid)).toEqual([100]);
  });
});
