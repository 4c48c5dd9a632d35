// The built `proclab serve` under a client that subscribes fast, asks for snapshots and never reads.
import WebSocket from 'ws';
import { startBrowserModeServer } from '../test/support/browserMode';
import { rssBytesOf } from '../test/support/ChildProcesses';
import { RawWebSocket } from '../test/support/RawWebSocket';

export interface NonReadingResult {
  /** Server RSS growth at its peak while the client did not read. */
  peakGrowthBytes: number;
  /** Server RSS growth a few seconds after the client went away. */
  afterCloseGrowthBytes: number;
  /** A getInfo from another client while the non-reader was connected. */
  otherClientCallMs: number;
}

const SNAPSHOTS_PER_SECOND = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openClient(wsUrl: string): Promise<WebSocket> {
  const ws = new WebSocket(wsUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

async function timedGetInfo(wsUrl: string): Promise<number> {
  const ws = await openClient(wsUrl);
  const started = performance.now();
  ws.send(JSON.stringify({ id: 1, method: 'getInfo' }));
  await new Promise((resolve) => ws.once('message', resolve));
  const elapsed = performance.now() - started;
  ws.close();
  return elapsed;
}

/**
 * The growth is measured against the server already sampling every 250 ms for a well-behaved
 * subscriber, so that it is what the non-reading client costs, not what fast sampling costs.
 */
export async function benchNonReadingClient(seconds: number): Promise<NonReadingResult> {
  const server = await startBrowserModeServer();
  const pid = server.process.pid!;
  const reader = await openClient(server.wsUrl);
  try {
    reader.send(JSON.stringify({ id: 1, method: 'subscribe', params: { intervalMs: 250 } }));
    await sleep(3000); // start-up and fast sampling settle
    const before = rssBytesOf(pid);
    const client = await RawWebSocket.open(server.wsUrl);
    client.stopReading();
    client.sendText(JSON.stringify({ id: 0, method: 'subscribe', params: { intervalMs: 250 } }));
    let peak = before;
    let id = 1;
    const ask = () => client.sendText(JSON.stringify({ id: id++, method: 'getSnapshot' }));
    const asking = setInterval(ask, 1000 / SNAPSHOTS_PER_SECOND);
    const watching = setInterval(() => (peak = Math.max(peak, rssBytesOf(pid))), 100);
    await sleep((seconds * 1000) / 2);
    const otherClientCallMs = await timedGetInfo(server.wsUrl);
    await sleep((seconds * 1000) / 2);
    clearInterval(asking);
    clearInterval(watching);
    client.destroy();
    await sleep(3000);
    return { peakGrowthBytes: peak - before, afterCloseGrowthBytes: rssBytesOf(pid) - before, otherClientCallMs };
  } finally {
    reader.close();
    await server.stop();
  }
}
