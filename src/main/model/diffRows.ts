// Mark-and-sweep between two samples: the rows to send and the events that happened.
import { TRACKED_FIELDS, type FieldChanges, type ProcessEvent } from '../../shared/model/ProcessEvent';
import type { ProcessRecord, ProcessState } from '../../shared/model/ProcessRecord';
import { decodeWaitStatus, type DecodedExit } from './waitStatus';

export interface RowDiff {
  removed: number[];
  upserts: ProcessRecord[];
  events: ProcessEvent[];
}

export function diffRows(
  previous: ReadonlyMap<number, ProcessRecord>,
  current: ReadonlyMap<number, ProcessRecord>,
  at: number,
): RowDiff {
  const diff: RowDiff = { removed: [], upserts: [], events: [] };
  for (const [pid, old] of previous) {
    const now = current.get(pid);
    if (!now || now.startTime !== old.startTime) {
      diff.removed.push(pid);
      // Seen as a zombie before it went: the status it held is how it ended.
      const base = { kind: 'exited', at, pid, startTime: old.startTime, comm: old.comm, ppid: old.ppid } as const;
      diff.events.push({ ...base, ...exitOf(old) });
    }
  }
  for (const [pid, row] of current) {
    const old = previous.get(pid);
    if (old === row) continue;
    if (!old || old.startTime !== row.startTime) {
      diff.upserts.push(row);
      diff.events.push({ kind: 'spawned', at, pid, startTime: row.startTime, comm: row.comm, ppid: row.ppid });
      // Born and dead within one interval: it still entered Z, and a student must see that.
      if (row.state === 'Z') diff.events.push(zombieEvent(row, null, at));
      continue;
    }
    if (!sameValues(old, row)) diff.upserts.push(row);
    diff.events.push(...eventsOfChange(old, row, at));
  }
  return diff;
}

function eventsOfChange(old: ProcessRecord, row: ProcessRecord, at: number): ProcessEvent[] {
  const changes: FieldChanges = {};
  let changed = false;
  for (const field of TRACKED_FIELDS) {
    if (old[field] !== row[field]) {
      changes[field] = [old[field], row[field]];
      changed = true;
    }
  }
  if (!changed) return [];
  const base = { at, pid: row.pid, startTime: row.startTime, comm: row.comm };
  const events: ProcessEvent[] = [{ kind: 'changed', ...base, changes }];
  if (changes.ppid) events.push({ kind: 'reparented', ...base, oldPpid: old.ppid, newPpid: row.ppid });
  if (row.state === 'Z' && old.state !== 'Z') events.push(zombieEvent(row, old.state, at));
  return events;
}

function zombieEvent(row: ProcessRecord, previousState: ProcessState | null, at: number): ProcessEvent {
  const base = { at, pid: row.pid, startTime: row.startTime, comm: row.comm, ppid: row.ppid };
  return { kind: 'zombie', ...base, previousState, ...exitOf(row) };
}

/** A zombie's exit status, where the kernel showed it (ProcessRecord.exitStatus); else nothing. */
function exitOf(row: ProcessRecord): Partial<DecodedExit> {
  return row.exitStatus === null ? {} : decodeWaitStatus(row.exitStatus);
}

function sameValues(a: ProcessRecord, b: ProcessRecord): boolean {
  for (const key of Object.keys(a) as (keyof ProcessRecord)[]) {
    if (a[key] !== b[key]) return false;
  }
  return true;
}
