// The renderer's copy of the machine: byPid kept current by deltas, plus ghosts, births, timeline, history.
import { applyDelta, type ProcessDelta } from '../../../shared/model/ProcessDelta';
import type { ProcessRecord, Snapshot, SystemSummary } from '../../../shared/model/ProcessRecord';
import { displayRowsOf, ghostOf, type DisplayRow, type ExitInfo, type LiveRowCache } from '../views/DisplayRow';
import { processKey, type ProcessKey } from '../views/processKey';
import { RingBuffer } from '../../../shared/model/RingBuffer';
import { ReadonlyMapView } from './ReadonlyMapView';
import { TimelineLog } from './TimelineLog';
import { signalEntry, timelineEntries, type TimelineEntry } from './timelineEntries';
import type { SignalReport } from '../../../shared/model/Signals';
import type { RunInfo } from '../../../shared/model/Lab';
import { inLabRuns, type RunMembers } from '../views/timelineScope';

/** How long an exited process stays as a greyed ghost, and a newborn stays highlighted. */
export const GHOST_MS = 6_000;
export const NEW_MS = 4_000;
/** About four minutes of 20 births and exits a second; only the visible rows are ever drawn. */
export const TIMELINE_CAPACITY = 10_000;
/**
 * Of those, lab runs' entries can take this many, and go last: a machine flooded with births cannot
 * push a lesson's events out, and a demo that forks wildly cannot take the whole timeline either.
 */
export const LAB_TIMELINE_CAPACITY = 5_000;
/** Within this long of the last update, expire() leaves the expiry to the next update. */
const UPDATES_EXPIRE_MS = 1_500;
/** Ten minutes at one point a second. */
export const HISTORY_CAPACITY = 600;

export interface HistoryPoint {
  at: number;
  cpuPercent: number;
  rssBytes: number;
}

export interface FoundProcess {
  record: ProcessRecord;
  /** Null while it lives; set for a ghost. */
  exit: ExitInfo | null;
}

export interface ProcessStoreState {
  /** The maps are new views with every change (they are changed in place): memos keyed on them stay correct. */
  byPid: ReadonlyMap<number, ProcessRecord>;
  ghosts: ReadonlyMap<ProcessKey, { record: ProcessRecord; exit: ExitInfo }>;
  bornAt: ReadonlyMap<ProcessKey, number>;
  summary: SystemSummary | null;
  /** Increases with every change, so memoised views know when to recompute. */
  version: number;
  /** Increases only when the timeline changed: the timeline does no work on quiet ticks. */
  timelineVersion: number;
}

export class ProcessStore {
  private readonly byPid = new Map<number, ProcessRecord>();
  private readonly ghosts = new Map<ProcessKey, { record: ProcessRecord; exit: ExitInfo }>();
  private readonly bornAt = new Map<ProcessKey, number>();
  private readonly timeline = new TimelineLog<TimelineEntry>(TIMELINE_CAPACITY, LAB_TIMELINE_CAPACITY);
  private readonly history = new RingBuffer<HistoryPoint>(HISTORY_CAPACITY);
  private readonly liveRows: LiveRowCache = new WeakMap();
  private historyKey: ProcessKey | null = null;
  private tracked: { key: ProcessKey; found: FoundProcess } | null = null;
  private lastDeltaAt = -Infinity;
  private state: ProcessStoreState;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {
    this.state = this.nextState(null, 0);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getState = (): ProcessStoreState => this.state;

  loadSnapshot(snapshot: Snapshot): void {
    applyDelta(this.byPid, { reset: true, removed: [], upserts: snapshot.rows });
    this.bornAt.clear();
    this.recordHistory(snapshot.summary.takenAt);
    this.publish(snapshot.summary);
  }

  applyDelta(delta: ProcessDelta): void {
    const entries = delta.reset ? [] : timelineEntries(delta.events, this.byPid);
    if (!delta.reset) {
      for (const event of delta.events) {
        if (event.kind === 'spawned') this.bornAt.set(processKey(event), event.at);
        const ghost = event.kind === 'exited' ? ghostOf(event, this.byPid) : null;
        if (ghost) this.ghosts.set(ghost.key, { record: ghost.record, exit: ghost.exit });
      }
    }
    applyDelta(this.byPid, delta);
    // A newborn's record is in the table only now.
    for (const entry of entries) entry.record ??= this.recordOf(entry);
    this.timeline.add(entries);
    this.lastDeltaAt = this.now();
    this.dropExpired();
    this.recordHistory(delta.summary.takenAt);
    this.publish(delta.summary);
  }

  /**
   * Forgets ghosts and birth marks that are old enough; call it every half second or so. While
   * updates keep coming, each one does it on its way, so that churn costs one render per update
   * instead of three a second.
   */
  expire(): void {
    if (this.now() - this.lastDeltaAt < UPDATES_EXPIRE_MS) return;
    if (this.dropExpired() && this.state.summary) this.publish(this.state.summary);
  }

  /** Whether anything was dropped. */
  private dropExpired(): boolean {
    const now = this.now();
    let changed = false;
    for (const [key, ghost] of this.ghosts) {
      if (now - ghost.exit.exitedAt > GHOST_MS) changed = this.ghosts.delete(key) || changed;
    }
    for (const [key, at] of this.bornAt) {
      if (now - at > NEW_MS) changed = this.bornAt.delete(key) || changed;
    }
    return changed;
  }

  /** Live rows and the ghosts whose pid has not been reused. */
  displayRows(): DisplayRow[] {
    return displayRowsOf(this.byPid, this.ghosts, this.bornAt, this.liveRows);
  }

  /** A live process or a ghost, by key. */
  find(key: ProcessKey): FoundProcess | null {
    const record = this.byPid.get(Number(key.split(':')[0]));
    if (record && processKey(record) === key) return { record, exit: null };
    return this.ghosts.get(key) ?? null;
  }

  /** The last the store saw of the tracked process, even after its ghost expired. */
  lastKnown(key: ProcessKey): FoundProcess | null {
    return this.tracked?.key === key ? this.tracked.found : null;
  }

  /** A signal sent by any window: it goes into the timeline at the time it was sent. */
  addSignalReport(report: SignalReport): void {
    this.timeline.add([signalEntry(report, this.recordOf(report))]);
    if (this.state.summary) this.publish(this.state.summary);
  }

  /** The lab's runs: the timeline drops their entries last (each run's scope decides what is its own). */
  setLabRuns(runs: readonly RunInfo[], runMembers: RunMembers): void {
    this.timeline.keep = (entries) => inLabRuns(entries, runs, this.byPid, runMembers);
  }

  /** Oldest first, in time order; the same array until the timeline changes. */
  timelineEntries(): readonly TimelineEntry[] {
    return this.timeline.entries();
  }

  private recordOf(p: { pid: number; startTime: number }): ProcessRecord | null {
    const record = this.byPid.get(p.pid) ?? this.ghosts.get(processKey(p))?.record;
    return record?.startTime === p.startTime ? record : null;
  }

  /** Follow one process (the selected one): its CPU and RSS history, its last state; null stops. */
  track(key: ProcessKey | null): void {
    if (key === this.historyKey) return;
    this.historyKey = key;
    this.tracked = null;
    this.history.clear();
    if (this.state.summary) this.recordHistory(this.state.summary.takenAt);
  }

  historyPoints(): HistoryPoint[] {
    return this.history.toArray();
  }

  private recordHistory(at: number): void {
    if (!this.historyKey) return;
    const found = this.find(this.historyKey);
    if (found) this.tracked = { key: this.historyKey, found };
    if (found && !found.exit)
      this.history.push({ at, cpuPercent: found.record.cpuPercent, rssBytes: found.record.rssBytes });
  }

  private publish(summary: SystemSummary): void {
    this.state = this.nextState(summary, this.state.version + 1);
    for (const listener of this.listeners) listener();
  }

  private nextState(summary: SystemSummary | null, version: number): ProcessStoreState {
    const { byPid, ghosts, bornAt } = this;
    return {
      byPid: new ReadonlyMapView(byPid),
      ghosts: new ReadonlyMapView(ghosts),
      bornAt: new ReadonlyMapView(bornAt),
      summary,
      version,
      timelineVersion: this.timeline.version,
    };
  }
}
