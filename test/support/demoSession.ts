// One lab service for a demo test file, for one edition of the demos: the Python edition (python3
// found on PATH) or the sh/Node fallback (the lab's runtime lookup given a PATH without python3).
// It starts demos, reads their output and events, and leaves nothing behind after each test.
import { afterAll, afterEach, expect } from 'vitest';
import { DemoRuntimes } from '../../src/main/lab/demoRuntimes';
import type { Result } from '../../src/shared/contract/errors';
import type { RunInfo } from '../../src/shared/model/Lab';
import type { ExitedEvent, ProcessEvent, ZombieEvent } from '../../src/shared/model/ProcessEvent';
import type { ProcessRecord } from '../../src/shared/model/ProcessRecord';
import type { SignalReport } from '../../src/shared/model/Signals';
import { taggedProcesses } from './labProcesses';
import { recordingConnection, startService } from './startService';
import { waitFor } from './waitFor';

export const EDITIONS = [
  { edition: 'Python', python: true },
  { edition: 'sh/Node fallback', python: false },
] as const;

const LINE_OF_A_PROCESS = /^\[\d+\] /;

export function demoSession(python: boolean) {
  // An empty PATH for the lookup: no python3 there (sh is /bin/sh; node is this test's Node).
  const { service, dispatch } = startService(python ? {} : { demoRuntimes: new DemoRuntimes(() => '') });
  const connection = recordingConnection(python ? 'python' : 'fallback');
  const started: RunInfo[] = [];
  let subscribed = false;

  async function start(demoId: string): Promise<RunInfo> {
    if (!subscribed) {
      const reply = await dispatch('subscribe', { intervalMs: 1000 }, connection);
      if (!reply.ok) throw new Error(reply.error.message);
      for (const row of (reply.value as { snapshot: { rows: ProcessRecord[] } }).snapshot.rows)
        connection.byPid.set(row.pid, row);
      subscribed = true;
    }
    const reply = (await dispatch('startDemo', { demoId }, connection)) as Result<RunInfo>;
    if (!reply.ok) throw new Error(reply.error.message);
    started.push(reply.value);
    expect(reply.value.edition!.runtime === 'python').toBe(python);
    expect(reply.value.edition!.missing).toEqual(python ? [] : ['python3']);
    return reply.value;
  }

  const output = (run: RunInfo, stream: 'stdout' | 'stderr' = 'stdout') =>
    connection.labOutput.filter((l) => l.runId === run.runId && l.stream === stream).map((l) => l.text);
  const lines = (run: RunInfo) => output(run);
  const line = (run: RunInfo, pattern: RegExp, timeoutMs = 20_000) =>
    waitFor(`a line like ${pattern}`, () => lines(run).find((t) => pattern.test(t)), { timeoutMs });
  const row = (pid: number) => connection.byPid.get(pid);
  const pidOf = (text: string) => Number(/^\[(\d+)\]/.exec(text)![1]);
  const childrenOf = (pid: number) => [...connection.byPid.values()].filter((p) => p.ppid === pid);
  const exitOf = (pid: number) => connection.events.find((e): e is ExitedEvent => e.kind === 'exited' && e.pid === pid);
  const zombieOf = (pid: number) =>
    connection.events.find((e): e is ZombieEvent => e.kind === 'zombie' && e.pid === pid);
  const events = (filter: (e: ProcessEvent) => boolean) => connection.events.filter(filter);
  const signal = async (pid: number, name: string) => {
    const startTime = (row(pid) ?? (await waitFor(`row ${pid}`, () => row(pid)))).startTime;
    const r = (await dispatch('sendSignal', { pid, startTime, signal: name }, connection)) as Result<SignalReport>;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  afterEach(async () => {
    const runs = (await dispatch('listRuns', {}, connection)) as Result<RunInfo[]>;
    for (const run of runs.ok ? runs.value : [])
      if (run.livePids.length > 0) await dispatch('stopRun', { runId: run.runId }, connection);
    await waitFor('no tagged process left', () => taggedProcesses(process.pid).length === 0);
    // Every line a demo printed says which process printed it, and nothing went wrong on stderr.
    for (const run of started.splice(0)) {
      expect(output(run, 'stderr')).toEqual([]);
      expect(lines(run).filter((t) => !LINE_OF_A_PROCESS.test(t))).toEqual([]);
    }
  });
  afterAll(async () => {
    await service.close();
    expect(taggedProcesses(process.pid)).toEqual([]);
  });

  return {
    service,
    dispatch,
    connection,
    start,
    lines,
    line,
    row,
    pidOf,
    childrenOf,
    exitOf,
    zombieOf,
    events,
    signal,
  };
}
