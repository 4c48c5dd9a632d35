// Electron IPC adapter: carries contract calls from our own window to the dispatcher, events back.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { fail } from '../../shared/contract/errors';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract/names';
import type { Dispatch } from '../service/dispatch';
import type { Connection } from '../service/ProcLabService';

export function registerIpc(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  onDisconnect: (connection: Connection) => void,
  isTrustedUrl: (url: string) => boolean,
): void {
  const connections = new Map<number, Connection>();

  const connectionOf = (contents: WebContents): Connection => {
    let connection = connections.get(contents.id);
    if (!connection) {
      const created: Connection = {
        id: `ipc:${contents.id}`,
        emit: (event, payload) => {
          if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event, payload);
        },
        // Closed as soon as the window is: a call still running then must not leave anything behind.
        get closed() {
          return contents.isDestroyed();
        },
        // Electron gives no measure of what a window has not read yet.
        congested: false,
      };
      connections.set(contents.id, created);
      // Subscriptions die with their window.
      contents.once('destroyed', () => {
        connections.delete(contents.id);
        onDisconnect(created);
      });
      connection = created;
    }
    return connection;
  };

  ipcMain.handle(IPC_CALL_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, params: unknown) => {
    // Gone already: its 'destroyed' event has passed, so nothing made for it would ever be dropped.
    if (event.sender.isDestroyed()) return fail('PERMISSION_DENIED', 'the window that called has closed');
    const frameUrl = event.senderFrame?.url ?? '';
    if (event.senderFrame?.parent || !isTrustedUrl(frameUrl)) {
      return fail('PERMISSION_DENIED', 'calls are accepted only from ProcLab’s own window');
    }
    return dispatch(method, params, connectionOf(event.sender));
  });
}
