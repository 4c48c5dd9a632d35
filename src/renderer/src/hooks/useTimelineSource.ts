// What the timeline panel needs from the window, each kept stable so quiet ticks cost it nothing.
import { useMemo } from 'react';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ProcessStore, ProcessStoreState } from '../store/ProcessStore';
import { combineFilters, type RowFilters } from './useVisibleRows';

export function useTimelineSource(
  store: ProcessStore,
  state: ProcessStoreState,
  filters: RowFilters,
  shown: ProcessRecord | null,
) {
  // The same array until the timeline changes.
  const entries = useMemo(
    () => (state.timelineVersion >= 0 ? store.timelineEntries() : []),
    [store, state.timelineVersion],
  );
  const predicate = useMemo(() => combineFilters(filters).predicate, [filters]);
  // Only who is selected, not its every tick: the timeline re-scopes when the selection changes.
  const { pid, startTime, comm } = shown ?? {};
  const selected = useMemo(
    () => (pid === undefined ? null : { pid, startTime: startTime!, comm: comm! }),
    [pid, startTime, comm],
  );
  return { entries, predicate, selected };
}
