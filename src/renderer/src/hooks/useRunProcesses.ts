// Keeps the window's RunProcessStore current: runProcesses events, and after each (re)connect the
// runs that still live as they are now.
import { useEffect, useState } from 'react';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { RunProcessStore } from '../store/RunProcessStore';

export function useRunProcesses(client: ReconnectingClient, connected: boolean): RunProcessStore {
  const [store] = useState(() => new RunProcessStore());
  useEffect(() => client.on('runProcesses', (message) => store.apply(message)), [client, store]);
  useEffect(() => {
    const expiry = setInterval(() => store.expire(), 500);
    return () => clearInterval(expiry);
  }, [store]);
  useEffect(() => {
    if (!connected) return;
    void client.call('listRuns', {}).then(async (runs) => {
      if (!runs.ok) return;
      for (const run of runs.value.filter((r) => r.livePids.length > 0)) {
        const now = await client.call('getRunProcesses', { runId: run.runId });
        if (now.ok) store.apply(now.value);
      }
    });
  }, [client, connected, store]);
  return store;
}
