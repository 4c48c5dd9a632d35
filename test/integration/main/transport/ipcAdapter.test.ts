// The Electron IPC adapter with the stand-in's ipcMain, stand-in windows and a real service: who may
// call, what bad input gets, that every reply survives Electron's structured clone, and that a
// window's subscriptions end with it.
import { EventEmitter } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../../src/shared/contract/names';
import type { Dispatch } from '../../../../src/main/service/dispatch';
import { registerIpc } from '../../../../src/main/transport/ipcAdapter';
import { cloneLikeElectron } from '../../../support/electronStandIn/cloneLikeElectron';
import { IpcMain, type SenderFrame } from '../../../support/electronStandIn/IpcMain';
import { startService } from '../../../support/startService';
import { waitFor } from '../../../support/waitFor';

const TRUSTED = 'file:///opt/proclab/out/renderer/index.html';

let nextWindowId = 1;

/** The parts of a webContents the adapter uses; send clones like Electron and records. */
class StandInWebContents extends EventEmitter {
  readonly id = nextWindowId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  private destroyed = false;

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args: cloneLikeElectron(args, 'Failed to serialize arguments') as unknown[] });
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  updates(): unknown[] {
    return this.sent.filter(({ channel, args }) => channel === IPC_EVENT_CHANNEL && args[0] === 'update');
  }
}

const mainFrame = (url: string): SenderFrame => ({ url, parent: null });

describe('the Electron IPC adapter', () => {
  const { service, dispatch } = startService();
  const ipcMain = new IpcMain();
  const dispatched: unknown[] = [];
  const countingDispatch: Dispatch = (method, params, connection) => {
    dispatched.push(method);
    return dispatch(method, params, connection);
  };
  registerIpc(
    ipcMain as unknown as Parameters<typeof registerIpc>[0],
    countingDispatch,
    (connection) => service.disconnect(connection),
    (url) => url === TRUSTED,
  );

  afterAll(() => service.close());

  async function call(sender: StandInWebContents, senderFrame: SenderFrame | null, method: unknown, params?: unknown) {
    const reply = await ipcMain.receiveInvoke({ sender, senderFrame }, IPC_CALL_CHANNEL, [method, params]);
    if ('error' in reply) throw new Error(reply.error);
    return reply.result as { ok: boolean; value?: unknown; error?: { code: string } };
  }

  it('answers the main frame of ProcLab’s own page, with replies Electron can clone', async () => {
    const window = new StandInWebContents();
    for (const method of ['getInfo', 'getSnapshot', 'getSignalCatalog', 'listDemos']) {
      expect(await call(window, mainFrame(TRUSTED), method)).toMatchObject({ ok: true });
    }
  });

  it('refuses a foreign page, a child frame, a frame or window that is gone, before dispatching', async () => {
    const window = new StandInWebContents();
    const before = dispatched.length;
    const refused = [
      mainFrame('https://evil.example/'),
      mainFrame(`${TRUSTED}.evil.html`),
      { url: TRUSTED, parent: mainFrame(TRUSTED) },
      null,
    ];
    const denied = { ok: false, error: { code: 'PERMISSION_DENIED' } };
    for (const frame of refused) expect(await call(window, frame, 'getInfo')).toMatchObject(denied);
    // A call that arrives after its window closed.
    window.destroy();
    expect(await call(window, mainFrame(TRUSTED), 'getInfo')).toMatchObject(denied);
    expect(dispatched.length).toBe(before);
  });

  it('gives bad parameters INVALID_ARGUMENT and unknown methods UNKNOWN_METHOD', async () => {
    const window = new StandInWebContents();
    const frame = mainFrame(TRUSTED);
    const invalid = { ok: false, error: { code: 'INVALID_ARGUMENT' } };
    expect(await call(window, frame, 'subscribe', { intervalMs: 'fast' })).toMatchObject(invalid);
    expect(await call(window, frame, 'getProcessDetails', { pid: -3 })).toMatchObject(invalid);
    expect(await call(window, frame, 'sendSignal', 'SIGKILL')).toMatchObject(invalid);
    expect(await call(window, frame, 'unsubscribe', { subscriptionId: 'not-mine' })).toMatchObject(invalid);
    expect(await call(window, frame, 'rm -rf /')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('sends a window its updates, and drops its subscriptions when it is destroyed', async () => {
    const leaving = new StandInWebContents();
    const staying = new StandInWebContents();
    const subscribe = async (window: StandInWebContents) => {
      const reply = await call(window, mainFrame(TRUSTED), 'subscribe', { intervalMs: 250 });
      return (reply.value as { subscriptionId: string }).subscriptionId;
    };
    const leavingId = await subscribe(leaving);
    const stayingId = await subscribe(staying);
    await waitFor('updates for both windows', () => leaving.updates().length > 0 && staying.updates().length > 0);

    leaving.destroy();
    expect(service.hub.has(leavingId, `ipc:${leaving.id}`)).toBe(false);
    expect(service.hub.has(stayingId, `ipc:${staying.id}`)).toBe(true);
    // The adapter no longer sends to a destroyed window, even for broadcasts.
    const sentBefore = leaving.sent.length;
    service.broadcast('runChanged', { runId: 'x' } as never);
    expect(leaving.sent.length).toBe(sentBefore);
    staying.destroy();
    expect(service.hub.size).toBe(0);
  });
});
