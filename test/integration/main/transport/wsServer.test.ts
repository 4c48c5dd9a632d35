// Browser mode's WebSocket server: token, Origin, Host, malformed messages, and live updates.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDispatch } from '../../../../src/main/service/dispatch';
import { startWsServer, type RunningWsServer } from '../../../../src/main/transport/wsServer';
import { startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

type Message = { id?: unknown; ok?: boolean; error?: { code: string }; event?: string; payload?: unknown };

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Collects every message, so a test can wait for the one it needs. */
function inbox(ws: WebSocket): Message[] {
  const messages: Message[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as Message));
  return messages;
}

describe('WebSocket server', () => {
  const { service } = startService();
  let server: RunningWsServer;
  beforeAll(async () => {
    server = await startWsServer({
      dispatch: createDispatch(service),
      onDisconnect: (c) => service.disconnect(c),
      rendererDir: null,
    });
  });
  afterAll(async () => {
    await server.close();
    await service.close();
  });

  it('closes at once while a client holds a connection that never sent a request', async () => {
    const other = await startWsServer({
      dispatch: createDispatch(service),
      onDisconnect: (c) => service.disconnect(c),
      rendererDir: null,
    });
    const idle = net.connect(other.port, '127.0.0.1');
    await new Promise((resolve) => idle.once('connect', resolve));
    try {
      let closed = false;
      void other.close().then(() => (closed = true));
      await waitFor('the server closed', () => closed);
    } finally {
      idle.destroy();
    }
  });

  it('binds to 127.0.0.1 by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses a connection without the token, or with a wrong one', async () => {
    await expect(open(server.wsUrl.replace(/\?token=.*/, ''))).rejects.toThrow('HTTP 401');
    await expect(open(server.wsUrl.replace(/token=.*/, 'token=wrong'))).rejects.toThrow('HTTP 401');
  });

  it('refuses a page of another origin, and a rebinding Host', async () => {
    await expect(open(server.wsUrl, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(open(server.wsUrl, { Host: `evil.example:${server.port}` })).rejects.toThrow('HTTP 403');
    const sameOrigin = await open(server.wsUrl, { Origin: `http://127.0.0.1:${server.port}` });
    sameOrigin.close();
  });

  it('answers garbage with an error reply and keeps the connection', async () => {
    const ws = await open(server.wsUrl);
    const messages = inbox(ws);
    ws.send('this is not json');
    ws.send(JSON.stringify({ hello: 'world' }));
    ws.send(JSON.stringify({ id: 7, method: 'noSuchMethod' }));
    ws.send(JSON.stringify({ id: 8, method: 'subscribe', params: { intervalMs: 'fast' } }));
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send(JSON.stringify({ id: 9, method: 'getInfo', params: { padding: 'x'.repeat(70_000) } }));
    ws.send(JSON.stringify({ id: 10, method: 'getInfo' }));
    await waitFor('seven replies', () => messages.length >= 7);
    expect(messages.slice(0, 2)).toEqual([
      { id: null, ok: false, error: { code: 'INVALID_MESSAGE', message: 'message is not valid JSON' } },
      expect.objectContaining({ id: null, ok: false, error: expect.objectContaining({ code: 'INVALID_MESSAGE' }) }),
    ]);
    const byId = (id: number) => messages.find((m) => m.id === id);
    expect(byId(7)?.error?.code).toBe('UNKNOWN_METHOD');
    expect(byId(8)?.error?.code).toBe('INVALID_ARGUMENT');
    expect(messages.filter((m) => m.error?.code === 'INVALID_MESSAGE')).toHaveLength(4);
    expect(byId(10)).toMatchObject({ ok: true, value: { servicePid: process.pid } });
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('subscribes and streams updates, and forgets the subscription when the socket closes', async () => {
    const ws = await open(server.wsUrl);
    const messages = inbox(ws);
    const before = service.hub.size;
    ws.send(JSON.stringify({ id: 1, method: 'subscribe', params: { intervalMs: 250 } }));
    await waitFor('an update event', () => messages.find((m) => m.event === 'update'));
    expect(messages[0]).toMatchObject({ id: 1, ok: true });
    expect(service.hub.size).toBe(before + 1);
    ws.close();
    await waitFor('the subscription dropped', () => service.hub.size === before);
  });
});
