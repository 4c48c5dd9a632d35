// One store and one live subscription for the window, exposed to React.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { LiveConnection } from '../store/LiveConnection';
import { frameBatched } from '../store/frameBatched';
import { ProcessStore } from '../store/ProcessStore';

export function useLive(client: ReconnectingClient) {
  const [store] = useState(() => new ProcessStore());
  const [live] = useState(() => new LiveConnection(client, store));
  useEffect(() => {
    live.start();
    const expiry = setInterval(() => store.expire(), 500);
    return () => {
      clearInterval(expiry);
      live.stop();
    };
  }, [live, store]);
  const subscribe = useMemo(() => frameBatched(store.subscribe), [store]);
  const state = useSyncExternalStore(subscribe, store.getState);
  const status = useSyncExternalStore(live.subscribeStatus, live.getStatus);
  return { store, live, state, status };
}
