// A plain GET of the WebSocket's URL says whether a token is good, so a page opened from an old
// link can tell "refused" (401) from "server down" (a browser cannot read a refused upgrade).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../../src/main/service/dispatch';
import { startWsServer, type RunningWsServer } from '../../../../src/main/transport/wsServer';
import { startService } from '../../../support/startService';

function statusOf(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
      .once('error', reject);
  });
}

describe('the token check', () => {
  const { service } = startService({ demosDir: undefined });
  let server: RunningWsServer;
  let socketUrl: string;
  beforeAll(async () => {
    server = await startWsServer({
      dispatch: createDispatch(service),
      onDisconnect: (c) => service.disconnect(c),
      rendererDir: null,
    });
    socketUrl = server.wsUrl.replace(/^ws:/, 'http:');
  });
  afterAll(async () => {
    await server.close();
    await service.close();
  });

  it('answers 204 for the server’s token, 401 for a wrong or missing one', async () => {
    expect(await statusOf(socketUrl)).toBe(204);
    expect(await statusOf(socketUrl.replace(/token=.*/, `token=${'0'.repeat(40)}`))).toBe(401);
    expect(await statusOf(socketUrl.replace(/\?token=.*/, ''))).toBe(401);
  });

  it('keeps the Host check: a rebinding page learns nothing', async () => {
    expect(await statusOf(socketUrl, { Host: `evil.example:${server.port}` })).toBe(403);
  });
});
