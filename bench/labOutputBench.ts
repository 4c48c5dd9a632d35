// Measures the lab's output path on the built `proclab serve`: call latency and update gaps while a
// chatty program runs, and the server's memory after a flood of binary output without newlines.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { median, percentile } from './stats';

const CLI = path.resolve(__dirname, '../out/main/cli.js');

export interface LabOutputResult {
  /** getInfo round trips while `timeout 5 yes` runs. */
  callMedianMs: number;
  callP95Ms: number;
  callMaxMs: number;
  /** The longest time without an `update` (subscribed at 250 ms) during the chatty run. */
  updateMaxGapMs: number;
  /** How long after the chatty run's 5 s (from the runCommand reply) the exit was reported. */
  exitLateMs: number;
  /** After `head -c 100000000 /dev/zero` has ended; null if the server died. */
  floodRssMb: number | null;
  floodPeakRssMb: number | null;
  floodSeconds: number | null;
}

interface Session {
  server: ChildProcess;
  call(method: string, params?: object): Promise<{ ok: boolean; value?: unknown }>;
  on(event: string, listener: (payload: Record<string, unknown>) => void): void;
  died: Promise<void>;
  close(): void;
}

async function openSession(): Promise<Session> {
  const server = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr!.resume();
  const died = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const wsUrl = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const match = /http:\/\/([^/]+)\/\?token=(\S+)/.exec(chunk.toString());
      if (match) resolve(`ws://${match[1]}/ws?token=${match[2]}`);
    });
    void died.then(() => reject(new Error('proclab serve exited')));
  });
  const ws = new WebSocket(wsUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.on('error', () => undefined);
  const pending = new Map<number, (reply: { ok: boolean; value?: unknown }) => void>();
  const listeners = new Map<string, ((payload: Record<string, unknown>) => void)[]>();
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; event?: string; payload?: Record<string, unknown> };
    if (message.event) for (const listener of listeners.get(message.event) ?? []) listener(message.payload!);
    else if (typeof message.id === 'number') pending.get(message.id)?.(message as { ok: boolean });
  });
  let nextId = 1;
  return {
    server,
    died,
    call: (method, params = {}) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
        void died.then(() => resolve({ ok: false }));
      }),
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    close: () => {
      ws.close();
      server.kill('SIGTERM');
    },
  };
}

function runEnded(session: Session, runId: string): Promise<number> {
  return new Promise((resolve) => {
    session.on('runChanged', (run) => {
      if (run.runId === runId && run.status !== 'running') resolve(performance.now());
    });
    void session.died.then(() => resolve(performance.now()));
  });
}

async function benchChatty(
  session: Session,
): Promise<Pick<LabOutputResult, 'callMedianMs' | 'callP95Ms' | 'callMaxMs' | 'updateMaxGapMs' | 'exitLateMs'>> {
  let lastUpdate = performance.now();
  let updateMaxGapMs = 0;
  session.on('update', () => {
    const now = performance.now();
    updateMaxGapMs = Math.max(updateMaxGapMs, now - lastUpdate);
    lastUpdate = now;
  });
  await session.call('subscribe', { intervalMs: 250 });
  const reply = await session.call('runCommand', { commandLine: 'timeout 5 yes', cwd: '/tmp' });
  const started = performance.now();
  const runId = (reply.value as { runId: string }).runId;
  const ended = runEnded(session, runId);
  let done = false;
  void ended.then(() => (done = true));
  const latencies: number[] = [];
  lastUpdate = performance.now();
  updateMaxGapMs = 0;
  while (!done) {
    const before = performance.now();
    await session.call('getInfo');
    latencies.push(performance.now() - before);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    callMedianMs: median(latencies),
    callP95Ms: percentile(latencies, 95),
    callMaxMs: Math.max(...latencies),
    updateMaxGapMs,
    exitLateMs: (await ended) - started - 5000,
  };
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function benchFlood(
  session: Session,
): Promise<Pick<LabOutputResult, 'floodRssMb' | 'floodPeakRssMb' | 'floodSeconds'>> {
  const started = performance.now();
  const reply = await session.call('runCommand', { commandLine: 'head -c 100000000 /dev/zero', cwd: '/tmp' });
  if (!reply.ok) return { floodRssMb: null, floodPeakRssMb: null, floodSeconds: null };
  const ended = await runEnded(session, (reply.value as { runId: string }).runId);
  // The answer to one more call says the server is still there, after the output was handled.
  const alive = (await session.call('getInfo')).ok;
  const pid = session.server.pid!;
  return {
    floodRssMb: alive ? rssMb(pid, 'VmRSS') : null,
    floodPeakRssMb: alive ? rssMb(pid, 'VmHWM') : null,
    floodSeconds: alive ? (ended - started) / 1000 : null,
  };
}

export async function benchLabOutput(): Promise<LabOutputResult> {
  const chattySession = await openSession();
  let chatty;
  try {
    chatty = await benchChatty(chattySession);
  } finally {
    chattySession.close();
  }
  const floodSession = await openSession();
  try {
    return { ...chatty, ...(await benchFlood(floodSession)) };
  } finally {
    floodSession.close();
  }
}

if (process.argv[1] === __filename) {
  benchLabOutput().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
