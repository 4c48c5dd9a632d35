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
  // The table as of the timeline's last change: a family's live members change only with a birth,
  // exit or adoption, each of which is an entry. The store's view of it is new with every update.
  const byPid = useMemo(
    () => state.byPid,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.timelineVersion],
  );
  const predicate = useMemo(() => combineFilters(filters).predicate, [filters]);
  // Only who is selected, not its every tick: the timeline re-scopes when the selection changes.
  const { pid, startTime, comm } = shown ?? {};
  const selected = useMemo(
    () => (pid === undefined ? null : { pid, startTime: startTime!, comm: comm! }),
    [pid, startTime, comm],
  );
  return { entries, byPid, predicate, selected };
}
