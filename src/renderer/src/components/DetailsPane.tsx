// The selected process's PCB. A process of a lab run comes from the lab's 10 Hz feed (the
// monitor may be paused or slow); a selection whose ghost expired keeps its last record. With
// nothing selected yet, a newcomer finds "start here" in its place.
import { useMemo, useSyncExternalStore } from 'react';
import type { Capabilities } from '../../../shared/contract/methods';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import type { ProcessStore } from '../store/ProcessStore';
import type { RunProcessStore } from '../store/RunProcessStore';
import type { ProcessKey } from '../views/processKey';
import { DetailPanel } from './DetailPanel';
import { StartHere, type StartHereProps } from './StartHere';

interface DetailsPaneProps {
  client: ReconnectingClient;
  store: ProcessStore;
  /** The monitor store's version, which this pane's history follows. */
  version: number;
  /** The live table: where the PCB's IPC section looks for the other ends of pipes and sockets. */
  byPid: ReadonlyMap<number, ProcessRecord>;
  runProcesses: RunProcessStore;
  selectedKey: ProcessKey | null;
  can: Capabilities;
  onSelect: (key: ProcessKey) => void;
  onSignal: () => void;
  /** Shown while nothing is selected, until it is dismissed. */
  startHere: StartHereProps | null;
}

export function DetailsPane(props: DetailsPaneProps) {
  const { store, version, runProcesses, selectedKey, startHere } = props;
  useSyncExternalStore(runProcesses.subscribe, runProcesses.getVersion);
  // The same points until the monitor's store changes: the chart redraws only then.
  const history = useMemo(() => (version >= 0 ? store.historyPoints() : []), [store, version]);
  const shown = selectedKey
    ? (runProcesses.find(selectedKey) ?? store.find(selectedKey) ?? store.lastKnown(selectedKey))
    : null;
  return (
    <>
      {!shown && startHere && <StartHere {...startHere} />}
      <DetailPanel
        client={props.client}
        record={shown?.record ?? null}
        exit={shown?.exit ?? null}
        history={history}
        version={version}
        can={props.can}
        byPid={props.byPid}
        onSelect={props.onSelect}
        onSignal={props.onSignal}
      />
    </>
  );
}
