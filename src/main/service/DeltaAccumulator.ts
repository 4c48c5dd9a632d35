// Merges the ticks a subscriber has not been sent yet into one delta (bounded event history).
import type { ProcessDelta } from '../../shared/model/ProcessDelta';
import type { ProcessEvent } from '../../shared/model/ProcessEvent';
import type { ProcessRecord, SystemSummary } from '../../shared/model/ProcessRecord';
import type { RowDiff } from '../model/diffRows';

export const MAX_PENDING_EVENTS = 5_000;

export class DeltaAccumulator {
  private removed = new Set<number>();
  private upserts = new Map<number, ProcessRecord>();
  /** The next delivery carries the whole table, so changed rows are not kept. */
  private wholeTable = false;
  private events: ProcessEvent[] = [];
  private droppedEvents = 0;
  private summary: SystemSummary | null = null;

  add(diff: RowDiff, summary: SystemSummary): void {
    if (!this.wholeTable) {
      for (const pid of diff.removed) {
        this.upserts.delete(pid);
        this.removed.add(pid);
      }
      for (const row of diff.upserts) this.upserts.set(row.pid, row);
    }
    const room = MAX_PENDING_EVENTS - this.events.length;
    if (diff.events.length > room) this.droppedEvents += diff.events.length - Math.max(0, room);
    if (room > 0) this.events.push(...diff.events.slice(0, room));
    this.summary = summary;
  }

  get hasData(): boolean {
    return this.summary !== null;
  }

  /** Rows the merged delta would carry (changed and removed). */
  get changedRows(): number {
    return this.upserts.size + this.removed.size;
  }

  /** From now on only events and the summary are kept: the next delta is a reset, to fill with the table. */
  sendWholeTable(): void {
    this.wholeTable = true;
    this.removed = new Set();
    this.upserts = new Map();
  }

  /** The merged delta; the accumulator is empty afterwards. A `reset` delta comes without rows. */
  take(seq: number): ProcessDelta {
    if (!this.summary) throw new Error('nothing accumulated');
    const delta: ProcessDelta = {
      seq,
      reset: this.wholeTable,
      removed: [...this.removed],
      upserts: [...this.upserts.values()],
      events: this.events,
      droppedEvents: this.droppedEvents,
      summary: this.summary,
    };
    this.removed = new Set();
    this.upserts = new Map();
    this.wholeTable = false;
    this.events = [];
    this.droppedEvents = 0;
    this.summary = null;
    return delta;
  }
}
