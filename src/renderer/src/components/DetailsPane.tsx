// The selected process's PCB. A process of a lab run comes from the lab's 10 Hz feed (the
// monitor may be paused or slow); a selection whose ghost expired keeps its last record.
import { useMemo, useSyncExternalStore } from 'react';
import type { Capabilities } from '../../../shared/contract/methods';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import type { ProcessStore } from '../store/ProcessStore';
import type { RunProcessStore } from '../store/RunProcessStore';
import type { ProcessKey } from '../views/processKey';
import { DetailPanel } from './DetailPanel';

interface DetailsPaneProps {
  client: ReconnectingClient;
  store: ProcessStore;
  /** The monitor store's version, which this pane's history follows. */
  version: number;
  runProcesses: RunProcessStore;
  selectedKey: ProcessKey | null;
  can: Capabilities;
  onSelect: (key: ProcessKey) => void;
  onSignal: () => void;
}

export function DetailsPane({
  client,
  store,
  version,
  runProcesses,
  selectedKey,
  can,
  onSelect,
  onSignal,
}: DetailsPaneProps) {
  useSyncExternalStore(runProcesses.subscribe, runProcesses.getVersion);
  // The same points until the monitor's store changes: the chart redraws only then.
  const history = useMemo(() => (version >= 0 ? store.historyPoints() : []), [store, version]);
  const shown = selectedKey
    ? (runProcesses.find(selectedKey) ?? store.find(selectedKey) ?? store.lastKnown(selectedKey))
    : null;
  return (
    <DetailPanel
      client={client}
      record={shown?.record ?? null}
      exit={shown?.exit ?? null}
      history={history}
      version={version}
      can={can}
      onSelect={onSelect}
      onSignal={onSignal}
    />
  );
}
