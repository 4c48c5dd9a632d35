// The per-tick update sent to subscribers: what changed since the previous update, not the world.
import type { ProcessEvent } from './ProcessEvent';
import type { ProcessRecord, SystemSummary } from './ProcessRecord';

export interface ProcessDelta {
  /** Increases by one per delivered update of a subscription. */
  seq: number;
  /** True when `upserts` is the whole table: drop what you hold first. */
  reset: boolean;
  /** Apply first: pids that are gone (a reused pid appears here and in upserts). */
  removed: number[];
  /** New or changed rows, whole. */
  upserts: ProcessRecord[];
  events: ProcessEvent[];
  /** Events dropped because a subscriber fell behind (bounded buffers). */
  droppedEvents: number;
  summary: SystemSummary;
}

/** Applies a delta to a pid-keyed table in place; the same rule on both sides of the wire. */
export function applyDelta(
  byPid: Map<number, ProcessRecord>,
  delta: Pick<ProcessDelta, 'reset' | 'removed' | 'upserts'>,
): void {
  if (delta.reset) byPid.clear();
  for (const pid of delta.removed) byPid.delete(pid);
  for (const row of delta.upserts) byPid.set(row.pid, row);
}
