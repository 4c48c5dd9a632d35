// The lab's state in the window: demos, runs and their output, kept current by lab events.
import { useCallback, useEffect, useState } from 'react';
import type { DemoInfo, RunInfo } from '../../../shared/model/Lab';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { RunOutputStore } from '../store/RunOutputStore';

export interface LabState {
  demos: DemoInfo[];
  runs: RunInfo[];
  output: RunOutputStore;
  /** From the service's capabilities; null until it has said. */
  available: boolean | null;
  error: string | null;
  setError: (error: string | null) => void;
}

export function useLab(client: ReconnectingClient, connected: boolean, available: boolean | null): LabState {
  const [demos, setDemos] = useState<DemoInfo[]>([]);
  const [runs, setRuns] = useState<RunInfo[]>([]);
  const [output] = useState(() => {
    const store: RunOutputStore = new RunOutputStore((runId) =>
      client.call('getRunOutput', { runId }).then((kept) => kept.ok && store.load(kept.value)),
    );
    return store;
  });
  const [error, setError] = useState<string | null>(null);

  const upsertRun = useCallback(
    (run: RunInfo) =>
      setRuns((list) => [run, ...list.filter((r) => r.runId !== run.runId)].sort((a, b) => b.startedAt - a.startedAt)),
    [],
  );

  useEffect(() => {
    if (!connected || !available) return;
    const stops = [client.on('runChanged', upsertRun), client.on('labOutput', (batch) => output.apply(batch))];
    void client.call('listDemos', {}).then((r) => r.ok && setDemos(r.value));
    // Output printed before this window connected (or while it was away) comes with each run.
    void client.call('listRuns', {}).then((r) => {
      if (!r.ok) return;
      setRuns([...r.value].sort((a, b) => b.startedAt - a.startedAt));
      for (const run of r.value) output.fetchKept(run.runId);
    });
    return () => stops.forEach((stop) => stop());
  }, [client, connected, available, upsertRun, output]);

  return { demos, runs, output, available, error, setError };
}
