// Exposes the typed contract to the sandboxed page through contextBridge, and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeMethods, ProcLabBridge } from '../shared/contract/bridge';
import { EVENT_NAMES, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, METHOD_NAMES } from '../shared/contract/names';

const methods = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (params: unknown) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, params)]),
) as BridgeMethods;

const bridge: ProcLabBridge = {
  methods,
  on(event, listener) {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event ${String(event)}`);
    const forward = (_: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('proclab', bridge);
