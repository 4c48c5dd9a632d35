// A real service for demo tests: starts demos through the lab supervisor, reads what they print
// and what the sampler saw, and stops every run after each test, leaving no process behind.
// `{ python: false }` gives the lab's runtime lookup a PATH without python3, so each demo runs
// its sh/Node fallback edition instead of the Python one.
import { afterAll, afterEach, expect } from 'vitest';
import { DemoRuntimes } from '../../src/main/lab/demoRuntimes';
import type { Result } from '../../src/shared/contract/errors';
import type { MethodParams, MethodResults } from '../../src/shared/contract/methods';
import type { MethodName } from '../../src/shared/contract/names';
import type { RunInfo, RunLanguage } from '../../src/shared/model/Lab';
import type { ExitedEvent, ProcessEvent, ZombieEvent } from '../../src/shared/model/ProcessEvent';
import type { ProcessRecord } from '../../src/shared/model/ProcessRecord';
import { taggedProcesses } from './labProcesses';
import { recordingConnection, startService } from './startService';
import { waitFor, type WaitOptions } from './waitFor';

/** For describe.each: the demos whose fallback editions make the same claims run under both. */
export const EDITIONS = [
  { edition: 'Python', python: true },
  { edition: 'sh/Node fallback', python: false },
] as const;

/** The pid a demo line starts with: "[1234] ...". */
export function pidOf(text: string): number {
  const match = /^\[(\d+)\]/.exec(text);
  if (!match) throw new Error(`no [pid] at the start of "${text}"`);
  return Number(match[1]);
}

/** Call inside a describe(): registers the cleanup hooks and returns the helpers. */
export function useDemoLab({ python = true }: { python?: boolean } = {}) {
  // An empty PATH for the lookup: no python3 there (sh is /bin/sh; node is this test's Node).
  const { service, dispatch } = startService(python ? {} : { demoRuntimes: new DemoRuntimes(() => '') });
  const connection = recordingConnection(python ? 'lab' : 'lab-fallback');
  const started: RunInfo[] = [];
  let subscribed = false;

  async function call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResults[M]> {
    const reply = (await dispatch(method, params, connection)) as Result<MethodResults[M]>;
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
    return reply.value;
  }

  /** Starts the demo in `language` (English by default: the tests read its English lines). */
  async function start(demoId: string, language: RunLanguage = 'en'): Promise<RunInfo> {
    if (!subscribed) {
      const { snapshot } = await call('subscribe', { intervalMs: 1000 });
      for (const row of snapshot.rows) connection.byPid.set(row.pid, row);
      subscribed = true;
    }
    const run = await call('startDemo', { demoId, language });
    started.push(run);
    expect(run.edition!.runtime === 'python').toBe(python);
    expect(run.edition!.missing).toEqual(python ? [] : ['python3']);
    return run;
  }

  /** The lines the run's terminal showed (stdout and stderr alike), without the lab's own notes. */
  const shown = (run: RunInfo) =>
    connection.labOutput
      .filter((batch) => batch.runId === run.runId)
      .flatMap((batch) => batch.pieces)
      .map((piece) => (piece.kind === 'text' ? piece.text : '\n'))
      .join('')
      .split(/\r?\n/)
      .filter((text) => text.length > 0);
  const lines = (run: RunInfo) => connection.processLines(run.runId).map((l) => l.text);
  const line = (run: RunInfo, pattern: RegExp, options?: WaitOptions) =>
    waitFor(`a line like ${pattern}`, () => lines(run).find((t) => pattern.test(t)), options);
  const row = (pid: number): ProcessRecord | undefined => connection.byPid.get(pid);
  const children = (ppid: number) => [...connection.byPid.values()].filter((p) => p.ppid === ppid);
  /** Every pid the sampler ever saw spawned under `ppid`. */
  const spawnedUnder = (ppid: number) =>
    connection.events.filter((e) => e.kind === 'spawned' && e.ppid === ppid).map((e) => e.pid);
  const events = (filter: (e: ProcessEvent) => boolean) => connection.events.filter(filter);
  /** How the process ended, as the timeline has it (exitCode/signal absent: not observed). */
  const exitOf = (pid: number) => events((e) => e.kind === 'exited' && e.pid === pid)[0] as ExitedEvent | undefined;
  const zombieOf = (pid: number) => events((e) => e.kind === 'zombie' && e.pid === pid)[0] as ZombieEvent | undefined;
  const signal = async (pid: number, name: string) => {
    const startTime = (row(pid) ?? (await waitFor(`row ${pid}`, () => row(pid)))).startTime;
    return call('sendSignal', { pid, startTime, signal: name });
  };

  afterEach(async () => {
    for (const run of await call('listRuns', {}))
      if (run.livePids.length > 0) await call('stopRun', { runId: run.runId });
    await waitFor('no tagged process left', () => taggedProcesses(process.pid).length === 0);
    // Every line a demo printed says which process printed it: nothing else went to its terminal
    // (a traceback or an error message would not).
    for (const run of started.splice(0)) expect(shown(run).filter((t) => !/^\[\d+\] /.test(t))).toEqual([]);
  });
  afterAll(async () => {
    await service.close();
    expect(taggedProcesses(process.pid)).toEqual([]);
  });

  return {
    service,
    connection,
    call,
    start,
    lines,
    line,
    row,
    children,
    spawnedUnder,
    events,
    exitOf,
    zombieOf,
    signal,
  };
}
