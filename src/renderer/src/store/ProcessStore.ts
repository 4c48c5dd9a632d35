// The renderer's copy of the process table: byPid kept current by deltas, outside React.
import { applyDelta, type ProcessDelta } from '../../../shared/model/ProcessDelta';
import type { ProcessRecord, Snapshot, SystemSummary } from '../../../shared/model/ProcessRecord';

export interface ProcessStoreState {
  byPid: ReadonlyMap<number, ProcessRecord>;
  summary: SystemSummary | null;
  /** Increases with every change of byPid, so memoised views know when to recompute. */
  version: number;
}

export class ProcessStore {
  private readonly byPid = new Map<number, ProcessRecord>();
  private state: ProcessStoreState = { byPid: this.byPid, summary: null, version: 0 };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getState = (): ProcessStoreState => this.state;

  loadSnapshot(snapshot: Snapshot): void {
    applyDelta(this.byPid, { reset: true, removed: [], upserts: snapshot.rows });
    this.publish(snapshot.summary);
  }

  applyDelta(delta: ProcessDelta): void {
    applyDelta(this.byPid, delta);
    this.publish(delta.summary);
  }

  private publish(summary: SystemSummary): void {
    this.state = { byPid: this.byPid, summary, version: this.state.version + 1 };
    for (const listener of this.listeners) listener();
  }
}
