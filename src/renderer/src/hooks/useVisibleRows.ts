// Derives what the grid shows from the store: filtered, then sorted (table) or folded (tree).
import { useMemo, useState } from 'react';
import type { DisplayRow, TreeRow } from '../views/DisplayRow';
import { flattenTree, type TreeRowCache } from '../views/flattenTree';
import { parseProcessQuery, type ProcessPredicate, type QueryError } from '../views/processQuery';
import type { ProcessKey } from '../views/processKey';
import { sortRows, type SortSpec } from '../views/sortRows';
import type { ProcessStore } from '../store/ProcessStore';

export type ViewMode = 'table' | 'tree';

export interface RowFilters {
  query: string;
  hideKernelThreads: boolean;
  onlyUid: number | null;
  showSubtrees: boolean;
}

export interface VisibleRows {
  rows: (DisplayRow | TreeRow)[];
  matchCount: number;
  total: number;
  queryError: QueryError | null;
}

export function combineFilters(filters: RowFilters): { predicate: ProcessPredicate | null; error: QueryError | null } {
  const { predicate: query, error } = parseProcessQuery(filters.query);
  const parts: ProcessPredicate[] = [];
  if (filters.hideKernelThreads) parts.push((p) => !p.kernelThread);
  if (filters.onlyUid !== null) {
    const uid = filters.onlyUid;
    parts.push((p) => p.uid === uid);
  }
  if (query) parts.push(query);
  return { predicate: parts.length > 0 ? (p) => parts.every((part) => part(p)) : null, error };
}

export function useVisibleRows(
  store: ProcessStore,
  version: number,
  mode: ViewMode,
  filters: RowFilters,
  sort: SortSpec,
  collapsed: ReadonlySet<ProcessKey>,
): VisibleRows {
  const [treeRowCache] = useState<TreeRowCache>(() => new WeakMap());
  const all = useMemo(() => (version >= 0 ? store.displayRows() : []), [store, version]);
  const { predicate, error } = useMemo(() => combineFilters(filters), [filters]);
  const matched = useMemo(() => (predicate ? all.filter((row) => predicate(row.record)) : all), [all, predicate]);
  const rows = useMemo(() => {
    if (mode === 'table') return sortRows(matched, sort);
    return flattenTree(all, { collapsed, filter: predicate, showSubtrees: filters.showSubtrees }, treeRowCache);
  }, [mode, matched, all, sort, collapsed, predicate, filters.showSubtrees, treeRowCache]);
  return { rows, matchCount: matched.length, total: all.length, queryError: error };
}
