// Knows every process of every run. Three sources, each pinned by (pid, start time): the watcher
// thread (the kernel's children lists, every 20 ms), the samples (a new process whose parent is a
// member, or that carries this ProcLab's tag: daemons that reparented before the watcher saw them),
// and /proc itself whenever a run's members are asked for. It also keeps the run record up to date.
import type { ExitedEvent } from '../../shared/model/ProcessEvent';
import { allPids } from '../sampler/allPids';
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import type { WorkerEntry } from '../sampler/SamplerThread';
import type { LiveTable, Tick } from '../service/LiveTable';
import type { ExitLog } from './ExitLog';
import { LabMembers } from './LabMembers';
import type { TreeChanges, WatchedProcess } from './LabTreePoller';
import { LabWatcher } from './LabWatcher';
import { ProcConnector, type ConnectorEvent } from './ProcConnector';
import { RunRecords } from './RunRecords';
import { readRunTag, sameOwner, type OwnerIdentity } from './runTag';
import { UnreportedLabProcesses } from './UnreportedLabProcesses';

/** The run record is rewritten at most this often: a restart finds processes up to this old. */
const RECORD_EVERY_MS = 250;

/**
 * The watcher thread and the kernel's events stop this long after the last process of every run
 * is gone (events queued just before still arrive): a thread and a python3 process cost some
 * 10 MiB and a poll every 20 ms that a ProcLab without runs has no use for.
 */
export const WATCHERS_LINGER_MS = 10_000;

export interface TrackerOptions {
  live: LiveTable;
  reader: ProcIdentityReader;
  watcherEntry: WorkerEntry;
  owner: OwnerIdentity;
  recordsDir: string;
  exits: ExitLog;
  /** Whether this ProcLab has a run with this id. */
  hasRun: (runId: string) => boolean;
  /** Whether there is any run at all (else ticks are not looked at). */
  active: () => boolean;
  /** Whether a run's first process still runs: the watchers must not stop. */
  busy: () => boolean;
  /** WATCHERS_LINGER_MS unless given (tests). */
  lingerMs?: number;
  /** The start time of the oldest run's first process: no process of a run is older. */
  firstRunStart: () => number;
  /** Members were added or removed. */
  onChange: () => void;
}

export class LabProcessTracker {
  readonly members: LabMembers;
  readonly records: RunRecords;
  private readonly watcher: LabWatcher;
  private readonly connector = new ProcConnector((event) => this.onKernelEvent(event));
  private readonly unreported = new UnreportedLabProcesses();
  private recordTimer: NodeJS.Timeout | null = null;
  private lingerTimer: NodeJS.Timeout | null = null;
  private watching = false;
  private changeAnnounced = false;

  constructor(private readonly options: TrackerOptions) {
    this.members = new LabMembers(options.reader);
    this.records = new RunRecords(options.recordsDir, options.owner);
    this.watcher = new LabWatcher(
      options.watcherEntry,
      (changes) => this.onWatcherChanges(changes),
      () => this.members.all(),
    );
    options.live.addAnnotator((tick) => this.onTick(tick));
  }

  /**
   * Resolves once the watcher thread polls and the kernel's events flow (or are known not to);
   * the lab still works, by samples alone, if neither can start.
   */
  async start(): Promise<void> {
    this.cancelLinger();
    this.watching = true;
    await Promise.all([this.watcher.start().catch(() => undefined), this.connector.start()]);
  }

  adopt(process: WatchedProcess): void {
    if (!this.members.add(process)) return;
    this.cancelLinger();
    // Stopped since the last run ended (a late tag found by a sample): started again for all.
    if (!this.watching) void this.start().then(() => this.members.all().forEach((p) => this.follow(p)));
    else this.follow(process);
    this.options.live.setFocus(() => this.members.pids());
    this.scheduleRecord();
  }

  /**
   * Looks for this ProcLab's tag on every process no sample has listed yet, so a process whose
   * parent died before anyone saw it is not missed. It reads /proc at once, not through the
   * sampler, whose queue can be a second long on a busy machine with 10,000 processes.
   */
  lookAgain(): void {
    const listed = this.options.live.table.byPid;
    for (const pid of allPids()) {
      if (listed.has(pid)) continue;
      const identity = this.options.reader.read(pid);
      const runId = identity ? this.ownRunOf(pid, identity.startTime) : undefined;
      if (identity && runId) this.adopt({ pid, startTime: identity.startTime, runId });
    }
  }

  async close(): Promise<void> {
    if (this.recordTimer) clearTimeout(this.recordTimer);
    this.recordTimer = null;
    this.options.live.setFocus(null);
    await this.stopWatchers();
    this.records.remove();
  }

  /**
   * After a member left: once no run has a process, stops the 10 Hz sampling (after a last look)
   * and, WATCHERS_LINGER_MS later, the watchers (a run that starts meanwhile keeps them).
   */
  settle(): void {
    if (this.members.size > 0) return;
    this.options.live.endFocus();
    if (this.lingerTimer || !this.watching) return;
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = null;
      if (this.members.size === 0 && !this.options.busy()) void this.stopWatchers();
    }, this.options.lingerMs ?? WATCHERS_LINGER_MS).unref();
  }

  private follow(process: WatchedProcess): void {
    this.watcher.watch(process);
    this.connector.watch(process.pid);
  }

  private cancelLinger(): void {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
  }

  private async stopWatchers(): Promise<void> {
    this.cancelLinger();
    this.watching = false;
    this.connector.close();
    await this.watcher.close();
  }

  private onWatcherChanges({ born, gone }: TreeChanges): void {
    for (const process of born) {
      if (!this.options.hasRun(process.runId)) continue;
      this.adopt(process);
      this.unreported.born(process, this.options.live.table.byPid);
    }
    for (const process of gone) {
      this.members.remove(process.pid, process.startTime);
      this.unreported.gone(process);
    }
    this.scheduleRecord();
    this.announceChange();
  }

  /** Once per turn of the event loop: a run that forks a thousand times a second is read once. */
  private announceChange(): void {
    if (this.changeAnnounced) return;
    this.changeAnnounced = true;
    setImmediate(() => {
      this.changeAnnounced = false;
      this.options.onChange();
    });
  }

  /** A fork or an exit under a lab process, as the kernel queued it: exact, even if late. */
  private onKernelEvent(event: ConnectorEvent): void {
    const startTime = this.options.reader.startTimeOfTicks(event.ticks);
    if (event.e === 'exit') {
      // It stays a member until it is reaped. Its status is not shown: as the course teaches, only
      // a parent that waits (or a look at the zombie) learns it.
      this.unreported.gone({ pid: event.pid, startTime, runId: '', goneAt: event.at });
      return;
    }
    const runId = this.members.runOf(event.ppid, this.options.reader.startTimeOfTicks(event.pticks));
    if (runId === undefined) return;
    const born = { pid: event.pid, startTime, runId, ppid: event.ppid, comm: event.comm, seenAt: event.at };
    this.onWatcherChanges({ born: [born], gone: [] });
  }

  /** Adopts the newcomers of every run, gives exits what is known of them, adds what samples missed. */
  private onTick(tick: Tick): void {
    if (!this.options.active()) return;
    const events = tick.diff.events;
    let changed = false;
    for (const event of events) {
      if (event.kind === 'spawned') {
        const runId =
          this.members.runOf(event.ppid, this.parentStart(event.ppid)) ?? this.ownRunOf(event.pid, event.startTime);
        if (runId && this.options.hasRun(runId)) {
          this.adopt({ pid: event.pid, startTime: event.startTime, runId });
          changed = true;
        }
      } else if (event.kind === 'exited') {
        this.annotateExit(event);
        changed = this.members.remove(event.pid, event.startTime) || changed;
      }
    }
    const missed = this.unreported.missedBy(events, tick.summary.takenAt);
    for (const event of missed) if (event.kind === 'exited') this.annotateExit(event);
    events.push(...missed);
    if (changed) this.scheduleRecord();
    this.options.onChange();
  }

  private annotateExit(event: ExitedEvent): void {
    const known = this.options.exits.of(event.pid, event.startTime);
    if (known) Object.assign(event, { exitCode: known.code, signal: known.signal });
  }

  /** The parent's start time as the table knows it (it was sampled with the child, or before). */
  private parentStart(ppid: number): number {
    return this.options.live.table.byPid.get(ppid)?.startTime ?? -1;
  }

  /**
   * The run of this ProcLab named in the process's tag, if any. A process older than every run
   * cannot be one of theirs: its environment is not read (the first sample lists thousands).
   */
  private ownRunOf(pid: number, startTime: number): string | undefined {
    if (startTime < this.options.firstRunStart()) return undefined;
    const tag = readRunTag(pid);
    return tag && sameOwner(tag.owner, this.options.owner) && this.options.hasRun(tag.runId) ? tag.runId : undefined;
  }

  private scheduleRecord(): void {
    if (this.recordTimer) return;
    this.recordTimer = setTimeout(() => {
      this.recordTimer = null;
      this.records.write(this.members.all());
    }, RECORD_EVERY_MS).unref();
  }
}
