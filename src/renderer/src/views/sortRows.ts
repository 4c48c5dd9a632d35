// Sorts table rows by a column; ties fall back to pid so the order never flickers.
import type { ColumnId } from './columns';
import { COLUMNS } from './columns';
import type { DisplayRow } from './DisplayRow';

export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  column: ColumnId;
  direction: SortDirection;
}

export function sortRows(rows: DisplayRow[], { column, direction }: SortSpec): DisplayRow[] {
  const value = COLUMNS[column].sortValue;
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a.record);
    const y = value(b.record);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order !== 0 ? sign * order : a.record.pid - b.record.pid;
  });
}
