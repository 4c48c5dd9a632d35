// Per-client bounds of the WebSocket server: a client that does not read is held back, then cut off.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Dispatch } from '../../../../src/main/service/dispatch';
import type { Connection } from '../../../../src/main/service/ProcLabService';
import type { ConnectionLimits } from '../../../../src/main/transport/connectionLimits';
import { startWsServer, type RunningWsServer } from '../../../../src/main/transport/wsServer';
import type { EventPayloads } from '../../../../src/shared/contract/methods';
import { CLOSE_CODES } from '../../../../src/shared/contract/wireMessages';
import { encodeFrame, RawWebSocket } from '../../../support/RawWebSocket';
import { startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

const KiB = 1024;

describe('back-pressure per WebSocket client', () => {
  const { service, dispatch } = startService();
  const servers: RunningWsServer[] = [];
  const clients: RawWebSocket[] = [];
  /** Calls dispatched per connection id, to see when the server stops taking a client's requests. */
  const callsOf = new Map<string, number>();
  const connections = new Map<string, Connection>();
  const countingDispatch: Dispatch = (method, params, connection) => {
    callsOf.set(connection.id, (callsOf.get(connection.id) ?? 0) + 1);
    connections.set(connection.id, connection);
    return dispatch(method, params, connection);
  };
  const disconnected: string[] = [];

  async function serve(limits: Partial<ConnectionLimits>): Promise<RunningWsServer> {
    const server = await startWsServer({
      dispatch: countingDispatch,
      onDisconnect: (connection) => {
        disconnected.push(connection.id);
        service.disconnect(connection);
      },
      rendererDir: null,
      limits,
    });
    servers.push(server);
    return server;
  }

  async function nonReader(server: RunningWsServer): Promise<RawWebSocket> {
    const client = await RawWebSocket.open(server.wsUrl);
    clients.push(client);
    client.stopReading();
    return client;
  }

  afterEach(async () => {
    callsOf.clear();
    connections.clear();
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.close();
  });
  afterAll(() => service.close());

  it('stops taking requests from a client that does not read its replies, and answers all once it reads', async () => {
    const server = await serve({ congestedBytes: 16 * KiB, maxCallsInFlight: 4 });
    const client = await nonReader(server);
    const requests = 1000;
    const frames = Array.from({ length: requests }, (_, id) =>
      // A reply of some 10 KiB that does not depend on how many processes the machine runs.
      encodeFrame(JSON.stringify({ id, method: 'getSignalCatalog' })),
    );
    client.sendRaw(Buffer.concat(frames));
    // Once the kernel's buffers are full, the replies start to wait in the server.
    const connection = await waitFor('the client counted as congested', () =>
      [...connections.values()].find((c) => c.congested),
    );
    const takenWhenCongested = callsOf.get(connection.id)!;
    // A round trip on another connection: the server has had every chance to take more.
    const other = new WebSocket(server.wsUrl);
    await new Promise((resolve) => other.once('open', resolve));
    other.send(JSON.stringify({ id: 'x', method: 'getInfo' }));
    await new Promise((resolve) => other.once('message', resolve));
    other.close();
    // Only the calls already in flight may have been taken since.
    expect(callsOf.get(connection.id)).toBeLessThanOrEqual(takenWhenCongested + 4);
    expect(takenWhenCongested).toBeLessThan(requests);

    client.resumeReading();
    const replies = () => client.frames.filter((f) => f.opcode === 0x1).length;
    await waitFor(`all ${requests} replies`, () => replies() >= requests, { timeoutMs: 60_000 });
    const parsed = client.frames.map((f) => JSON.parse(f.payload.toString()) as { id: number; ok: boolean });
    expect(parsed.every((reply) => reply.ok)).toBe(true);
    expect(new Set(parsed.map((reply) => reply.id)).size).toBe(requests);
  });

  it('cuts off a client that lets events pile up past the bound, with close code 4008', async () => {
    const server = await serve({ congestedBytes: 16 * KiB, cutOffBytes: 256 * KiB, closeGraceMs: 30_000 });
    const client = await nonReader(server);
    client.sendText(JSON.stringify({ id: 1, method: 'getInfo' }));
    await waitFor('its first call', () => callsOf.size === 1);
    const batch: EventPayloads['labOutput'] = {
      runId: 'deadbeef',
      seq: 0,
      pieces: [{ kind: 'text', text: 'y'.repeat(8 * KiB) }],
      lines: [],
    };
    // Far more than the kernel's socket buffers hold, so that some of it has to wait in ours.
    for (let seq = 0; seq < 3000; seq++) {
      service.broadcast('labOutput', { ...batch, seq });
    }
    client.resumeReading();
    const close = await waitFor('the close frame', () => client.closeFrame());
    expect(close.code).toBe(CLOSE_CODES.NOT_READING);
    expect(close.reason).toMatch(/not reading/);
  });

  it('drops a cut-off client that does not even read its close frame', async () => {
    const server = await serve({ congestedBytes: 16 * KiB, cutOffBytes: 256 * KiB, closeGraceMs: 200 });
    const client = await nonReader(server);
    client.sendText(JSON.stringify({ id: 1, method: 'subscribe', params: { intervalMs: 250 } }));
    await waitFor('the subscription', () => service.hub.size === 1);
    const before = disconnected.length;
    const batch: EventPayloads['labOutput'] = {
      runId: 'deadbeef',
      seq: 0,
      pieces: [{ kind: 'text', text: 'y'.repeat(8 * KiB) }],
      lines: [],
    };
    for (let seq = 0; seq < 3000 && disconnected.length === before; seq++) {
      service.broadcast('labOutput', { ...batch, seq });
    }
    await waitFor('the server to drop the client', () => disconnected.length > before);
    await waitFor('its subscription dropped', () => service.hub.size === 0);
  });

  it('cuts off a client that queues more requests than it may, with close code 4029', async () => {
    const server = await serve({ maxCallsInFlight: 1, maxQueuedRequestBytes: 4 * KiB });
    const client = await RawWebSocket.open(server.wsUrl);
    clients.push(client);
    const padded = JSON.stringify({ id: 1, method: 'getInfo', params: { padding: 'p'.repeat(KiB) } });
    client.sendRaw(Buffer.concat(Array.from({ length: 50 }, () => encodeFrame(padded))));
    const close = await waitFor('the close frame', () => client.closeFrame());
    expect(close.code).toBe(CLOSE_CODES.TOO_MANY_REQUESTS);
  });

  it('refuses more clients than its limit with 503', async () => {
    const server = await serve({ maxClients: 2 });
    clients.push(await RawWebSocket.open(server.wsUrl), await RawWebSocket.open(server.wsUrl));
    await expect(RawWebSocket.open(server.wsUrl)).rejects.toThrow('503 Service Unavailable');
  });
});
