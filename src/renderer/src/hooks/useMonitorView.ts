// The monitor's view state and what it derives: table or tree, columns, sort, filters (kernel
// threads hidden until asked for, remembered), folds, follow, the IPC links switch, and the rows to show.
import { useCallback, useMemo, useState } from 'react';
import type { ProcessStore } from '../store/ProcessStore';
import { COLUMN_IDS, COLUMNS, PRESETS, type ColumnId } from '../views/columns';
import { processKey, type ProcessKey } from '../views/processKey';
import type { SortSpec } from '../views/sortRows';
import { useRemembered } from './useRemembered';
import { useVisibleRows, type RowFilters, type ViewMode } from './useVisibleRows';

const isMode = (v: unknown): v is ViewMode => v === 'table' || v === 'tree';
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isColumns = (v: unknown): v is ColumnId[] =>
  Array.isArray(v) && v.length > 0 && v.every((c) => COLUMN_IDS.includes(c as ColumnId));

/**
 * `version`: the store's, which the rows follow. `myUid`: the user ProcLab runs as ("only my
 * processes"), null where there are no uids.
 */
export function useMonitorView(store: ProcessStore, version: number, myUid: number | null) {
  const [mode, setMode] = useRemembered<ViewMode>('proclab.view', 'table', isMode);
  const [columns, setColumns] = useRemembered<ColumnId[]>('proclab.columns', [...PRESETS.aux], isColumns);
  const [sort, setSort] = useState<SortSpec>({ column: 'pid', direction: 'asc' });
  // A newcomer meets the machine's programs first; kernel threads are one click away.
  const [hideKernelThreads, setHideKernelThreads] = useRemembered('proclab.hideKernelThreads', true, isBoolean);
  const [otherFilters, setOtherFilters] = useState<Omit<RowFilters, 'hideKernelThreads'>>({
    query: '',
    onlyUid: null,
    showSubtrees: true,
  });
  const filters = useMemo(() => ({ ...otherFilters, hideKernelThreads }), [otherFilters, hideKernelThreads]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<ProcessKey>>(() => new Set());
  const [follow, setFollow] = useState(true);
  // The tree's IPC links (badges, peers lit on hover): off until asked for, then remembered.
  const [showLinks, setShowLinks] = useRemembered('proclab.ipcLinks', false, isBoolean);

  const updateFilters = useCallback(
    ({ hideKernelThreads: hide, ...others }: Partial<RowFilters>) => {
      if (hide !== undefined) setHideKernelThreads(hide);
      setOtherFilters((f) => ({ ...f, ...others }));
    },
    [setHideKernelThreads],
  );
  // The tree reads like pstree: names first, then the other columns.
  const gridColumns = useMemo(
    () => (mode === 'tree' ? ['command' as const, ...columns.filter((c) => c !== 'command')] : columns),
    [mode, columns],
  );
  const visible = useVisibleRows(store, version, mode, filters, sort, collapsed);

  const onSort = useCallback(
    (column: ColumnId) =>
      setSort((s) =>
        s.column === column
          ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: 'descendingFirst' in COLUMNS[column] ? 'desc' : 'asc' },
      ),
    [],
  );
  const toggleFold = useCallback(
    (key: ProcessKey) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  // Stable (the store is read when clicked), so the memoised toolbar does not render with each update.
  const collapseAll = useCallback(() => {
    const records = [...store.getState().byPid.values()];
    const parents = new Set(records.map((record) => record.ppid));
    setCollapsed(new Set(records.filter((r) => parents.has(r.pid)).map(processKey)));
  }, [store]);
  const expandAll = useCallback(() => setCollapsed(new Set()), []);

  return {
    ...visible,
    mode,
    setMode,
    columns,
    setColumns,
    gridColumns,
    sort,
    onSort,
    filters,
    updateFilters,
    myUid,
    follow,
    setFollow,
    showLinks,
    setShowLinks,
    toggleFold,
    collapseAll,
    expandAll,
  };
}

export type MonitorView = ReturnType<typeof useMonitorView>;
