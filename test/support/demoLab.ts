// A real service for demo tests: starts demos through the lab supervisor, reads what they print
// and what the sampler saw, and stops every run after each test, leaving no process behind.
import { afterAll, afterEach, expect } from 'vitest';
import type { Result } from '../../src/shared/contract/errors';
import type { MethodParams, MethodResults } from '../../src/shared/contract/methods';
import type { MethodName } from '../../src/shared/contract/names';
import type { RunInfo } from '../../src/shared/model/Lab';
import type { ProcessRecord } from '../../src/shared/model/ProcessRecord';
import { taggedProcesses } from './labProcesses';
import { recordingConnection, startService } from './startService';
import { waitFor, type WaitOptions } from './waitFor';

/** The pid a demo line starts with: "[1234] ...". */
export function pidOf(text: string): number {
  const match = /^\[(\d+)\]/.exec(text);
  if (!match) throw new Error(`no [pid] at the start of "${text}"`);
  return Number(match[1]);
}

/** Call inside a describe(): registers the cleanup hooks and returns the helpers. */
export function useDemoLab() {
  const { service, dispatch } = startService();
  const connection = recordingConnection('lab');
  let subscribed = false;

  async function call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResults[M]> {
    const reply = (await dispatch(method, params, connection)) as Result<MethodResults[M]>;
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
    return reply.value;
  }

  async function start(demoId: string): Promise<RunInfo> {
    if (!subscribed) {
      const { snapshot } = await call('subscribe', { intervalMs: 1000 });
      for (const row of snapshot.rows) connection.byPid.set(row.pid, row);
      subscribed = true;
    }
    return call('startDemo', { demoId });
  }

  const lines = (run: RunInfo) => connection.labOutput.filter((l) => l.runId === run.runId).map((l) => l.text);
  const line = (run: RunInfo, pattern: RegExp, options?: WaitOptions) =>
    waitFor(`a line like ${pattern}`, () => lines(run).find((t) => pattern.test(t)), options);
  const row = (pid: number): ProcessRecord | undefined => connection.byPid.get(pid);
  const children = (ppid: number) => [...connection.byPid.values()].filter((p) => p.ppid === ppid);
  /** Every pid the sampler ever saw spawned under `ppid`. */
  const spawnedUnder = (ppid: number) =>
    connection.events.filter((e) => e.kind === 'spawned' && e.ppid === ppid).map((e) => e.pid);

  afterEach(async () => {
    for (const run of await call('listRuns', {}))
      if (run.livePids.length > 0) await call('stopRun', { runId: run.runId });
    await waitFor('no tagged process left', () => taggedProcesses(process.pid).length === 0);
  });
  afterAll(async () => {
    await service.close();
    expect(taggedProcesses(process.pid)).toEqual([]);
  });

  return { service, connection, call, start, lines, line, row, children, spawnedUnder };
}
