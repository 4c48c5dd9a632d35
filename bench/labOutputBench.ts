// Measures the lab's output path on the built `proclab serve`: call latency and update gaps while a
// chatty program runs, and the server's memory after a flood of binary output without newlines.
import { startBrowserModeServer, type BrowserModeServer } from '../test/support/browserMode';
import { connectWs, residentMiB, type WsClient } from '../test/support/wsClient';
import { median, percentile } from './stats';

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
  floodRssMiB: number | null;
  floodPeakRssMiB: number | null;
  floodSeconds: number | null;
}

interface Session {
  server: BrowserModeServer;
  client: WsClient;
}

async function withSession<T>(measure: (session: Session) => Promise<T>): Promise<T> {
  const server = await startBrowserModeServer();
  try {
    const client = await connectWs(server.pageUrl);
    try {
      return await measure({ server, client });
    } finally {
      client.close();
    }
  } finally {
    await server.stop();
  }
}

/** Resolves (with the time) when the run has ended, or when the server has died. */
function runEnded({ server, client }: Session, runId: string): Promise<number> {
  return new Promise((resolve) => {
    client.on('runChanged', (run) => {
      if (run.runId === runId && run.status !== 'running') resolve(performance.now());
    });
    server.process.once('exit', () => resolve(performance.now()));
  });
}

async function benchChatty(session: Session) {
  const { client } = session;
  let lastUpdate = performance.now();
  let updateMaxGapMs = 0;
  client.on('update', () => {
    const now = performance.now();
    updateMaxGapMs = Math.max(updateMaxGapMs, now - lastUpdate);
    lastUpdate = now;
  });
  await client.call('subscribe', { intervalMs: 250 });
  const reply = await client.call('runCommand', { commandLine: 'timeout 5 yes', cwd: '/tmp' });
  if (!reply.ok) throw new Error(reply.error.message);
  const started = performance.now();
  const ended = runEnded(session, (reply.value as { runId: string }).runId);
  let done = false;
  void ended.then(() => (done = true));
  const latencies: number[] = [];
  [lastUpdate, updateMaxGapMs] = [performance.now(), 0];
  while (!done) {
    const before = performance.now();
    await client.call('getInfo');
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

async function benchFlood(session: Session) {
  const started = performance.now();
  const reply = await session.client.call('runCommand', {
    commandLine: 'head -c 100000000 /dev/zero',
    cwd: '/tmp',
  });
  if (!reply.ok) throw new Error(reply.error.message);
  const ended = await runEnded(session, (reply.value as { runId: string }).runId);
  // One more answered call says the server is still there, after the output was handled.
  const memory = (await session.client.call('getInfo')).ok ? residentMiB(session.server.process.pid!) : null;
  return {
    floodRssMiB: memory?.now ?? null,
    floodPeakRssMiB: memory?.peak ?? null,
    floodSeconds: memory ? (ended - started) / 1000 : null,
  };
}

export async function benchLabOutput(): Promise<LabOutputResult> {
  const chatty = await withSession(benchChatty);
  return { ...chatty, ...(await withSession(benchFlood)) };
}
