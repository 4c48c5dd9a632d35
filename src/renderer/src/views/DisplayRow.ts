// A row as the table and the tree show it: a live process, or the ghost of one that exited.
import type { ExitedEvent } from '../../../shared/model/ProcessEvent';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import { processKey, type ProcessKey } from './processKey';

export interface ExitInfo {
  exitedAt: number;
  /** Known for processes whose parent told ProcLab (the lab's own children). */
  exitCode?: number | null;
  signal?: string | null;
  /** It was a zombie, so its exit means its parent (or init) reaped it. */
  wasZombie: boolean;
}

export interface DisplayRow {
  key: ProcessKey;
  record: ProcessRecord;
  /** Set for a ghost: greyed, then gone after a few seconds. */
  exit: ExitInfo | null;
  /** Born within the last few seconds: highlighted. */
  isNew: boolean;
}

/** A row of the tree view: a DisplayRow placed at a depth, with its fold state. */
export interface TreeRow extends DisplayRow {
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  /** Shown only because a descendant matches the filter. */
  contextOnly: boolean;
}

/**
 * The live rows of earlier calls, by record: a record an update did not replace keeps its row, so a
 * tick allocates rows (and keys) only for the processes that changed.
 */
export type LiveRowCache = WeakMap<ProcessRecord, DisplayRow>;

function liveRow(record: ProcessRecord, bornAt: ReadonlyMap<ProcessKey, number>, cache?: LiveRowCache): DisplayRow {
  const cached = cache?.get(record);
  const key = cached?.key ?? processKey(record);
  const isNew = bornAt.has(key);
  if (cached?.isNew === isNew) return cached;
  const row = { key, record, exit: null, isNew };
  cache?.set(record, row);
  return row;
}

/** The rows of a table: its live processes, then the ghosts whose pid no live process has taken. */
export function displayRowsOf(
  live: ReadonlyMap<number, ProcessRecord>,
  ghosts: ReadonlyMap<ProcessKey, { record: ProcessRecord; exit: ExitInfo }>,
  bornAt: ReadonlyMap<ProcessKey, number>,
  cache?: LiveRowCache,
): DisplayRow[] {
  const rows: DisplayRow[] = [];
  for (const record of live.values()) rows.push(liveRow(record, bornAt, cache));
  for (const [key, ghost] of ghosts) {
    if (!live.has(ghost.record.pid)) rows.push({ key, record: ghost.record, exit: ghost.exit, isNew: false });
  }
  return rows;
}

/** The ghost an exit leaves of a process a table held: its last record and how it ended. */
export function ghostOf(
  event: ExitedEvent,
  live: ReadonlyMap<number, ProcessRecord>,
): { key: ProcessKey; record: ProcessRecord; exit: ExitInfo } | null {
  const record = live.get(event.pid);
  if (record?.startTime !== event.startTime) return null;
  const exit = { exitedAt: event.at, exitCode: event.exitCode, signal: event.signal, wasZombie: record.state === 'Z' };
  return { key: processKey(record), record, exit };
}
