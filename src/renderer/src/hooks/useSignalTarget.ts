// The process the signal dialog is open for. The dialog follows its process with every update;
// once it is gone (a ghost, or not even that any more) the dialog stays on the last record seen
// and says the process has exited.
import { useCallback, useMemo, useState } from 'react';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ProcessStore } from '../store/ProcessStore';
import type { RunProcessStore } from '../store/RunProcessStore';
import type { ProcessKey } from '../views/processKey';

export interface SignalTarget {
  /** A process was chosen (Escape closes the dialog first). */
  active: boolean;
  /** What the dialog shows, or null while it is closed. */
  shown: { record: ProcessRecord; exited: boolean } | null;
  /** Opens the dialog for a process (where signals can be sent at all). */
  open: (key: ProcessKey) => void;
  /** Opens it only for a process that is alive now (the keyboard's k). */
  openIfLive: (key: ProcessKey | null) => void;
  close: () => void;
}

export function useSignalTarget(
  store: ProcessStore,
  runProcesses: RunProcessStore,
  version: number,
  canSignal: boolean,
): SignalTarget {
  const [target, setTarget] = useState<ProcessKey | null>(null);
  // A lab run's processes come from the lab's 10 Hz feed, which may be ahead of the monitor.
  const find = useCallback((key: ProcessKey) => runProcesses.find(key) ?? store.find(key), [runProcesses, store]);
  const shown = useMemo(() => {
    if (!target || version < 0) return null;
    const found = find(target);
    const last = found ?? store.lastKnown(target);
    return last ? { record: last.record, exited: !found || found.exit !== null } : null;
  }, [store, find, target, version]);
  const open = useCallback((key: ProcessKey) => canSignal && setTarget(key), [canSignal]);
  const openIfLive = useCallback(
    (key: ProcessKey | null) => {
      const found = key ? find(key) : null;
      if (canSignal && found && !found.exit) setTarget(key);
    },
    [canSignal, find],
  );
  const close = useCallback(() => setTarget(null), []);
  return { active: target !== null, shown, open, openIfLive, close };
}
