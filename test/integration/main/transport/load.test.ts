// The built `proclab serve` under clients that misbehave: one that never reads while it asks for
// everything, and many that die before their reply. It must keep serving, and its memory stay bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerInfo } from '../../../../src/shared/contract/methods';
import { startBrowserModeServer, type BrowserModeServer } from '../../../support/browserMode';
import { rssBytesOf } from '../../../support/ChildProcesses';
import { RawWebSocket } from '../../../support/RawWebSocket';
import { waitFor } from '../../../support/waitFor';

const FLOOD_MS = 4_000;
/** Generous: without back-pressure this flood took hundreds of MB (npm run bench has the figures). */
const RSS_GROWTH_BOUND = 100 * 1024 * 1024;
const MiB = 1024 * 1024;

/** One getInfo on a fresh connection. */
async function getInfo(url: string): Promise<ServerInfo> {
  const ws = new WebSocket(url);
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ id: 1, method: 'getInfo' }));
    const reply = await new Promise<{ ok: boolean; value: ServerInfo }>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)) as { ok: boolean; value: ServerInfo })),
    );
    expect(reply.ok).toBe(true);
    return reply.value;
  } finally {
    ws.close();
  }
}

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('transport under load', () => {
  let server: BrowserModeServer;
  beforeAll(async () => {
    server = await startBrowserModeServer();
    await getInfo(server.wsUrl);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves others and stays small while a client subscribed every 250 ms floods requests and never reads', async () => {
    const pid = server.process.pid!;
    const before = rssBytesOf(pid);
    const client = await RawWebSocket.open(server.wsUrl);
    let peak = before;
    try {
      client.stopReading();
      client.sendText(JSON.stringify({ id: 0, method: 'subscribe', params: { intervalMs: 250 } }));
      let id = 1;
      for (const deadline = Date.now() + FLOOD_MS; Date.now() < deadline; await nextTurn()) {
        // As fast as the server takes them, but never more than 1 MiB ahead in our own buffer.
        for (let burst = 0; burst < 200 && client.socket.writableLength < MiB; burst++) {
          client.sendText(JSON.stringify({ id: id++, method: 'getSnapshot' }));
        }
        peak = Math.max(peak, rssBytesOf(pid));
      }
      const info = await getInfo(server.wsUrl);
      expect(info.subscriptionCount).toBe(1);
      peak = Math.max(peak, rssBytesOf(pid));
    } finally {
      client.destroy();
    }
    expect(peak - before).toBeLessThan(RSS_GROWTH_BOUND);
    await waitFor('the subscription dropped', async () => (await getInfo(server.wsUrl)).subscriptionCount === 0);
    expect(rssBytesOf(pid) - before).toBeLessThan(RSS_GROWTH_BOUND);
  });

  it('drops the subscription of every socket that dies before its subscribe reply', async () => {
    for (let round = 0; round < 25; round++) {
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const client = await RawWebSocket.open(server.wsUrl);
          client.sendText(JSON.stringify({ id: 1, method: 'subscribe', params: { intervalMs: 250 } }));
          client.destroy();
        }),
      );
    }
    await waitFor('no subscription left', async () => (await getInfo(server.wsUrl)).subscriptionCount === 0);
    expect(server.process.exitCode).toBeNull();
  });
});
