// The demo lab under load: how many 120 ms children of a run are reported while the machine starts
// 200 processes a second, and how long `proclab serve` takes to stop on SIGTERM with a run alive.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProcLabService } from '../src/main/service/ProcLabService';
import { createDispatch } from '../src/main/service/dispatch';
import type { RunInfo } from '../src/shared/model/Lab';
import { startBrowserModeServer } from '../test/support/browserMode';
import { connectWs } from '../test/support/wsClient';
import { DEMOS_DIR, recordingConnection, TERMINAL_SCRIPT } from '../test/support/startService';
import { waitFor } from '../test/support/waitFor';

const BUILT_MAIN = path.resolve(__dirname, '../out/main');

/** Starts /bin/true 25 at a time, then rests 50 ms: 200 and more processes a second. */
const CHURN = `while :; do i=0; while [ $i -lt 25 ]; do /bin/true & i=$((i+1)); done; wait; sleep 0.05; done`;

export interface CaptureResult {
  children: number;
  reported: number;
  /** Processes the whole machine started per second meanwhile (/proc/stat "processes"). */
  forksPerSecond: number;
  /** The service's RSS (it runs in this process) once subscribed, and once the churned run ended. */
  rssBefore: number;
  rssAfter: number;
}

function forksSoFar(): number {
  return Number(/^processes (\d+)/m.exec(readFileSync('/proc/stat', 'utf8'))![1]);
}

/** A run forks `children` children of 120 ms one after another, under churn; a 1 s subscriber counts them. */
export async function benchLabCapture(children = 100): Promise<CaptureResult> {
  const service = new ProcLabService({
    workerEntry: { file: path.join(BUILT_MAIN, 'samplerWorker.js') },
    labWatcherEntry: { file: path.join(BUILT_MAIN, 'labWatcherWorker.js') },
    demosDir: DEMOS_DIR,
    terminalScript: TERMINAL_SCRIPT,
  });
  const dispatch = createDispatch(service);
  const churn = spawn('sh', ['-c', CHURN], { stdio: 'ignore' });
  try {
    const connection = recordingConnection('capture');
    await dispatch('subscribe', { intervalMs: 1000 }, connection);
    const [forksBefore, startedAt, rssBefore] = [forksSoFar(), Date.now(), process.memoryUsage().rss];
    const commandLine = `sh -c 'i=0; while [ $i -lt ${children} ]; do sleep 0.12 & echo "[$!] child"; wait; i=$((i+1)); done'`;
    const reply = await dispatch('runCommand', { commandLine, cwd: '/tmp' }, connection);
    if (!reply.ok) throw new Error(reply.error.message);
    const { runId } = reply.value as RunInfo;
    await waitFor('the run to end', () => connection.runs.get(runId)?.status === 'exited', { timeoutMs: 120_000 });
    const forksPerSecond = ((forksSoFar() - forksBefore) * 1000) / (Date.now() - startedAt);
    const rssAfter = process.memoryUsage().rss;
    churn.kill('SIGKILL');
    const pids = connection
      .processLines(runId)
      .filter((l) => l.text.endsWith(' child'))
      .map((l) => l.pid);
    const reported = () => {
      const seen = (kind: string) => new Set(connection.events.filter((e) => e.kind === kind).map((e) => e.pid));
      const [spawned, exited] = [seen('spawned'), seen('exited')];
      return pids.filter((pid) => spawned.has(pid) && exited.has(pid)).length;
    };
    // The last exits come with the next updates.
    await waitFor('every child reported', () => reported() === pids.length, { timeoutMs: 5_000 }).catch(() => null);
    return { children: pids.length, reported: reported(), forksPerSecond, rssBefore, rssAfter };
  } finally {
    churn.kill('SIGKILL');
    await service.close();
  }
}

/** The built `proclab serve` with the signal-handlers demo running (two of its processes ignore TERM). */
export async function benchShutdownMs(): Promise<number> {
  const server = await startBrowserModeServer();
  try {
    const client = await connectWs(server.pageUrl);
    const live = new Map<string, number>();
    client.on('runChanged', (run) => live.set(run.runId as string, (run.livePids as number[]).length));
    const reply = await client.call('startDemo', { demoId: 'signal-handlers' });
    if (!reply.ok) throw new Error(reply.error.message);
    const { runId } = reply.value as RunInfo;
    await waitFor('the demo’s processes', () => (live.get(runId) ?? 0) >= 4, { timeoutMs: 60_000 });
    client.close();
    const started = performance.now();
    await server.stop();
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}
