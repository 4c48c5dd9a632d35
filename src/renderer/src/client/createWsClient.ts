// Browser mode's client: the contract over a WebSocket with the page's token, reconnecting by itself.
import { fail, type Result } from '../../../shared/contract/errors';
import type { EventPayload, MethodParams, MethodResults } from '../../../shared/contract/methods';
import type { EventName, MethodName } from '../../../shared/contract/names';
import type { ConnectionState } from './ConnectionState';
import type { ReconnectingClient } from './ReconnectingClient';

const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000];

/**
 * A browser cannot read why a WebSocket upgrade was refused. A plain GET of the socket's URL
 * answers 401 when the token is wrong (204 when it is good), so a page opened from an old link
 * says so instead of reconnecting for ever.
 */
async function tokenRefused(probeUrl: string): Promise<boolean> {
  try {
    return (await fetch(probeUrl, { cache: 'no-store' })).status === 401;
  } catch {
    return false;
  }
}

export function createWsClient(wsUrl: string, probeUrl?: string): ReconnectingClient {
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let attempt = 0;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const retry = () => {
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
    attempt += 1;
    setTimeout(connect, delay);
  };

  const connect = () => {
    const ws = new WebSocket(wsUrl);
    let opened = false;
    socket = ws;
    ws.onopen = () => {
      opened = true;
      attempt = 0;
      setState('open');
    };
    ws.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as { id?: number; event?: string; payload?: unknown };
      if (typeof data.event === 'string') {
        for (const listener of eventListeners.get(data.event) ?? []) listener(data.payload);
      } else if (typeof data.id === 'number') {
        pending.get(data.id)?.(data as unknown as Result<unknown>);
        pending.delete(data.id);
      }
    };
    ws.onclose = () => {
      for (const resolve of pending.values()) resolve(fail('INTERNAL', 'the connection to ProcLab closed'));
      pending.clear();
      // A socket that never opened may have been refused for its token: ask before retrying.
      if (opened || !probeUrl) {
        setState('closed');
        return retry();
      }
      void tokenRefused(probeUrl).then((refused) => {
        setState(refused ? 'refused' : 'closed');
        if (!refused) retry();
      });
    };
  };
  connect();

  return {
    call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<Result<MethodResults[M]>> {
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        return Promise.resolve(fail('INTERNAL', 'not connected to ProcLab'));
      }
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve) => pending.set(id, resolve as (result: Result<unknown>) => void));
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const listeners = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, listeners);
      const untyped = listener as (payload: unknown) => void;
      listeners.add(untyped);
      return () => void listeners.delete(untyped);
    },
    get state() {
      return state;
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
  };
}
