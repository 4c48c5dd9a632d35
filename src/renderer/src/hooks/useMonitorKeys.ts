// What the window's keys do (see useKeyboard): move the selection through the monitor's rows,
// fold the tree, search, switch views, pause, open the PCB, the help and the signal dialog.
import type { RefObject } from 'react';
import type { TreeRow } from '../views/DisplayRow';
import type { ProcessKey } from '../views/processKey';
import { useKeyboard } from './useKeyboard';
import type { MonitorView } from './useMonitorView';
import type { SignalTarget } from './useSignalTarget';

export interface MonitorKeysContext {
  monitor: MonitorView;
  selectedKey: ProcessKey | null;
  select: (key: ProcessKey) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  togglePause: () => void;
  openDetails: (key: ProcessKey) => void;
  help: { open: boolean; toggle: () => void; close: () => void };
  signals: SignalTarget;
}

export function useMonitorKeys({
  monitor,
  selectedKey,
  select,
  searchRef,
  togglePause,
  openDetails,
  help,
  signals,
}: MonitorKeysContext): void {
  const { rows, mode } = monitor;
  useKeyboard({
    move: (delta) => {
      if (rows.length === 0) return;
      const index = rows.findIndex((r) => r.key === selectedKey);
      const next = index < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, index + delta));
      select(rows[next]!.key);
    },
    moveTo: (edge) => rows.length > 0 && select(rows[edge === 'first' ? 0 : rows.length - 1]!.key),
    fold: (expand) => {
      const row = rows.find((r) => r.key === selectedKey) as TreeRow | undefined;
      if (mode !== 'tree' || !row) return;
      if (row.hasChildren && row.expanded !== expand) return monitor.toggleFold(row.key);
      if (!expand) {
        const parent = rows.find((r) => r.record.pid === row.record.ppid);
        if (parent) select(parent.key);
      }
    },
    focusSearch: () => searchRef.current?.focus(),
    toggleView: () => monitor.setMode(mode === 'table' ? 'tree' : 'table'),
    togglePause,
    openDetails: () => selectedKey && openDetails(selectedKey),
    toggleHelp: help.toggle,
    openSignals: () => signals.openIfLive(selectedKey),
    escape: () => {
      if (signals.active) return signals.close();
      if (help.open) return help.close();
      if (document.activeElement === searchRef.current && monitor.filters.query) monitor.updateFilters({ query: '' });
      else (document.activeElement as HTMLElement | null)?.blur();
    },
  });
}
