// The lab's state in the window: demos, runs and their output, kept current by lab events.
import { useCallback, useEffect, useState } from 'react';
import type { DemoInfo, OutputLine, RunInfo } from '../../../shared/model/Lab';
import type { ReconnectingClient } from '../client/ReconnectingClient';

/** Lines kept per run in the window; the main process keeps its own bounded copy. */
const LINES_KEPT = 2_000;

export interface LabState {
  demos: DemoInfo[];
  runs: RunInfo[];
  output: ReadonlyMap<string, OutputLine[]>;
  /** From the service's capabilities; null until it has said. */
  available: boolean | null;
  error: string | null;
  setError: (error: string | null) => void;
}

export function useLab(client: ReconnectingClient, connected: boolean, available: boolean | null): LabState {
  const [demos, setDemos] = useState<DemoInfo[]>([]);
  const [runs, setRuns] = useState<RunInfo[]>([]);
  const [output, setOutput] = useState<ReadonlyMap<string, OutputLine[]>>(() => new Map());
  const [error, setError] = useState<string | null>(null);

  const upsertRun = useCallback(
    (run: RunInfo) =>
      setRuns((list) => [run, ...list.filter((r) => r.runId !== run.runId)].sort((a, b) => b.startedAt - a.startedAt)),
    [],
  );

  useEffect(() => {
    if (!connected || !available) return;
    void client.call('listDemos', {}).then((r) => r.ok && setDemos(r.value));
    void client.call('listRuns', {}).then(async (r) => {
      if (!r.ok) return;
      setRuns([...r.value].sort((a, b) => b.startedAt - a.startedAt));
      const outputs = await Promise.all(r.value.map((run) => client.call('getRunOutput', { runId: run.runId })));
      setOutput(
        new Map(
          r.value.map((run, i) => [run.runId, outputs[i]!.ok ? (outputs[i] as { value: OutputLine[] }).value : []]),
        ),
      );
    });
    const stops = [
      client.on('runChanged', upsertRun),
      client.on('labOutput', (line) =>
        setOutput((current) => {
          const next = new Map(current);
          next.set(line.runId, [...(current.get(line.runId) ?? []), line].slice(-LINES_KEPT));
          return next;
        }),
      ),
    ];
    return () => stops.forEach((stop) => stop());
  }, [client, connected, available, upsertRun]);

  return { demos, runs, output, available, error, setError };
}
