// The main process's copy of the machine's processes, kept current by applying the worker's diffs.
import { applyDelta } from '../../shared/model/ProcessDelta';
import type { ProcessRecord, Snapshot, SystemSummary } from '../../shared/model/ProcessRecord';
import type { RowDiff } from './diffRows';

export class ProcessTable {
  readonly byPid = new Map<number, ProcessRecord>();
  summary: SystemSummary | null = null;
  /** Increases with every applied sample. */
  seq = 0;

  apply(diff: RowDiff, summary: SystemSummary): void {
    applyDelta(this.byPid, { reset: false, removed: diff.removed, upserts: diff.upserts });
    this.summary = summary;
    this.seq += 1;
  }

  snapshot(): Snapshot {
    if (!this.summary) throw new Error('no sample taken yet');
    return { seq: this.seq, rows: [...this.byPid.values()], summary: this.summary };
  }
}
