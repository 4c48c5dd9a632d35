// Picks the transport: the preload's bridge inside Electron, the WebSocket in browser mode.
import type { ProcLabBridge } from '../../../shared/contract/bridge';
import { createWsClient } from './createWsClient';
import type { ReconnectingClient } from './ReconnectingClient';

declare global {
  interface Window {
    proclab?: ProcLabBridge;
  }
}

function createIpcClient(bridge: ProcLabBridge): ReconnectingClient {
  return {
    call: (method, params) => bridge.methods[method](params as never) as never,
    on: (event, listener) => bridge.on(event, listener),
    state: 'open',
    onStateChange: () => () => undefined,
  };
}

export function createClient(): ReconnectingClient {
  if (window.proclab) return createIpcClient(window.proclab);
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const socketPath = `/ws?token=${encodeURIComponent(token)}`;
  return createWsClient(`${scheme}://${window.location.host}${socketPath}`, `${window.location.origin}${socketPath}`);
}
