// Subscribes to live updates into a ProcessStore, and subscribes again after a reconnect.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ConnectionState } from '../client/ConnectionState';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { ProcessStore, type ProcessStoreState } from '../store/ProcessStore';

export interface ProcessStream extends ProcessStoreState {
  connection: ConnectionState;
  error: string | null;
}

export function useProcessStream(client: ReconnectingClient, intervalMs: number): ProcessStream {
  const [store] = useState(() => new ProcessStore());
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const [connection, setConnection] = useState<ConnectionState>(client.state);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => client.onStateChange(setConnection), [client]);

  useEffect(() => {
    if (connection !== 'open') return;
    let subscriptionId: string | null = null;
    let cancelled = false;
    const stopListening = client.on('update', (payload) => {
      if (payload.subscriptionId === subscriptionId) store.applyDelta(payload.delta);
    });
    void client.call('subscribe', { intervalMs }).then((result) => {
      if (!result.ok) return setError(result.error.message);
      setError(null);
      if (cancelled) {
        void client.call('unsubscribe', { subscriptionId: result.value.subscriptionId });
        return;
      }
      subscriptionId = result.value.subscriptionId;
      store.loadSnapshot(result.value.snapshot);
    });
    return () => {
      cancelled = true;
      stopListening();
      if (subscriptionId) void client.call('unsubscribe', { subscriptionId });
    };
  }, [client, connection, intervalMs, store]);

  return { ...state, connection, error };
}
