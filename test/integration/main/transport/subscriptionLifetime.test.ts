// Subscriptions end with their connection at any moment, even while the call that makes one is still running.
import { EventEmitter } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { registerIpc } from '../../../../src/main/transport/ipcAdapter';
import { IPC_CALL_CHANNEL } from '../../../../src/shared/contract/names';
import type { EventPayloads } from '../../../../src/shared/contract/methods';
import { recordingConnection, startService } from '../../../support/startService';

type IpcMainLike = Parameters<typeof registerIpc>[0];
type IpcHandler = (event: unknown, method: unknown, params: unknown) => Promise<{ ok: boolean }>;

/** A window as the IPC adapter sees it: an id, isDestroyed, send, and its 'destroyed' event. */
class FakeWindow extends EventEmitter {
  destroyed = false;
  constructor(readonly id: number) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(): void {}
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

describe('subscriptions and closing connections', () => {
  const { service, dispatch } = startService();
  afterAll(() => service.close());

  it('undoes a subscribe whose socket closed before the reply', async () => {
    const before = service.hub.size;
    const connection = recordingConnection('closes-mid-call');
    const reply = dispatch('subscribe', { intervalMs: 250 }, connection);
    // The handler is waiting for a fresh sample now: the socket goes, as a dying client's would.
    connection.closed = true;
    service.disconnect(connection);
    await reply;
    expect(service.hub.size).toBe(before);
    service.broadcast('runChanged', { runId: 'deadbeef' } as EventPayloads['runChanged']);
    expect(connection.runs.size).toBe(0);
  });

  it('undoes a subscribe whose Electron window was destroyed during the call, and refuses calls after', async () => {
    const handlers = new Map<string, IpcHandler>();
    const ipcMain = { handle: (channel: string, handler: IpcHandler) => handlers.set(channel, handler) };
    registerIpc(
      ipcMain as unknown as IpcMainLike,
      dispatch,
      (c) => service.disconnect(c),
      () => true,
    );
    const call = handlers.get(IPC_CALL_CHANNEL)!;
    const window = new FakeWindow(7);
    const event = { sender: window, senderFrame: { url: 'file:///index.html', parent: null } };
    const before = service.hub.size;

    const reply = call(event, 'subscribe', { intervalMs: 250 });
    window.destroy();
    await reply;
    expect(service.hub.size).toBe(before);
    expect(await call(event, 'subscribe', { intervalMs: 250 })).toMatchObject({ ok: false });
    expect(service.hub.size).toBe(before);
  });
});
