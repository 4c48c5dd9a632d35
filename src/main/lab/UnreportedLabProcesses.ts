// Lab processes the watcher saw that no sample has reported. One that ends before any sample
// lists it (a busy machine can delay samples by hundreds of ms) still gets its birth and its exit
// into the event stream, so no client misses a process of a run.
import type { ExitedEvent, ProcessEvent, SpawnedEvent } from '../../shared/model/ProcessEvent';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import type { BornProcess, GoneProcess } from './LabTreePoller';

/** Bounds: the pending births (a run has at most a few dozen live processes) and remembered reports. */
const MAX_PENDING = 2_000;
const MAX_REMEMBERED_REPORTS = 4_096;

const keyOf = (p: { pid: number; startTime: number }) => `${p.pid}:${p.startTime}`;

export class UnreportedLabProcesses {
  private readonly pending = new Map<string, BornProcess & { goneAt?: number }>();
  /** Births the sampler reported lately: the watcher's news of them may arrive afterwards. */
  private readonly reported = new Set<string>();

  born(process: BornProcess, table: ReadonlyMap<number, ProcessRecord>): void {
    const key = keyOf(process);
    // Both the watcher and the kernel's events may tell of the same birth, in either order.
    if (this.pending.has(key) || this.reported.has(key)) return;
    if (table.get(process.pid)?.startTime === process.startTime) return;
    this.pending.set(key, { ...process });
    if (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
  }

  gone(process: GoneProcess): void {
    const pending = this.pending.get(keyOf(process));
    if (pending) pending.goneAt = process.goneAt;
  }

  /**
   * Reads a tick's births, and returns the events the samplers could not see: births and exits of
   * processes that were gone before this tick's sample began.
   */
  missedBy(events: ProcessEvent[], sampledAt: number): (SpawnedEvent | ExitedEvent)[] {
    for (const event of events) {
      if (event.kind !== 'spawned') continue;
      const key = keyOf(event);
      this.pending.delete(key);
      this.reported.add(key);
      if (this.reported.size > MAX_REMEMBERED_REPORTS) this.reported.delete(this.reported.values().next().value!);
    }
    const missed: (SpawnedEvent | ExitedEvent)[] = [];
    for (const [key, p] of this.pending) {
      if (p.goneAt === undefined || p.goneAt >= sampledAt) continue;
      this.pending.delete(key);
      const base = { pid: p.pid, startTime: p.startTime, comm: p.comm, ppid: p.ppid };
      missed.push({ kind: 'spawned', at: p.seenAt, ...base }, { kind: 'exited', at: p.goneAt, ...base });
    }
    return missed;
  }
}
