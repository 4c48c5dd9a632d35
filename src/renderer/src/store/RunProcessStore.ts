// Each lab run's processes as the lab reports them (runProcesses, 10 Hz): the live ones, the
// ghosts of those that exited (with their status), newborn marks and the parents that adopted.
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { RunProcesses } from '../../../shared/model/RunProcesses';
import { displayRowsOf, ghostOf, type DisplayRow, type ExitInfo } from '../views/DisplayRow';
import { processKey, type ProcessKey } from '../views/processKey';
import { frameBatched } from './frameBatched';
import { Listeners } from './Listeners';
import type { FoundProcess } from './ProcessStore';

/** While a run lives, an exited process stays this long; once the run is over, its last ones stay. */
export const RUN_GHOST_MS = 10_000;
/** A newborn stays highlighted this long. */
export const RUN_NEW_MS = 4_000;
/** Ghosts kept per run, and runs kept (the oldest are forgotten). */
export const GHOSTS_KEPT = 32;
export const RUNS_KEPT = 50;
/** Processes remembered as a run's own, for its timeline (the oldest are forgotten past it). */
export const MEMBERS_KEPT = 10_000;

const NO_MEMBERS: ReadonlySet<ProcessKey> = new Set();

interface RunTree {
  live: Map<number, ProcessRecord>;
  ghosts: Map<ProcessKey, { record: ProcessRecord; exit: ExitInfo }>;
  bornAt: Map<ProcessKey, number>;
  /** pid → name of each parent outside the run that took in one of its processes. */
  adopters: Map<number, string>;
  /**
   * Every process this page saw in the run, exited ones included (ghosts are dropped sooner): a
   * page opened after a run began has no birth of its first processes to trace them by.
   */
  members: Set<ProcessKey>;
  /** When the last applied message was sampled: an older answer arriving late is ignored. */
  at: number;
}

export class RunProcessStore {
  private readonly runs = new Map<string, RunTree>();
  private readonly listeners = new Listeners();
  private version = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Views are told at most once per animation frame, and not at all while the page is hidden. */
  readonly subscribe = frameBatched(this.listeners.subscribe);
  /** Increases with every change, so views derived from a run know when to recompute. */
  readonly getVersion = (): number => this.version;

  /** A message of the lab: exits become ghosts, births are marked, then the live set is replaced. */
  apply(message: RunProcesses): void {
    const tree = this.treeOf(message.runId);
    if (message.at < tree.at) return;
    tree.at = message.at;
    for (const event of message.events) {
      const key = processKey(event);
      tree.members.add(key);
      if (event.kind === 'spawned') tree.bornAt.set(key, event.at);
      const ghost = event.kind === 'exited' ? ghostOf(event, tree.live) : null;
      if (ghost) tree.ghosts.set(ghost.key, { record: ghost.record, exit: ghost.exit });
    }
    tree.live = new Map(message.processes.map((record) => [record.pid, record]));
    for (const record of message.processes) tree.members.add(processKey(record));
    while (tree.members.size > MEMBERS_KEPT) tree.members.delete(tree.members.values().next().value!);
    tree.adopters = new Map(message.adopters.map((a) => [a.pid, a.comm]));
    while (tree.ghosts.size > GHOSTS_KEPT) tree.ghosts.delete(tree.ghosts.keys().next().value!);
    this.publish();
  }

  /** Live processes and the ghosts whose pid was not reused within the run. */
  rows(runId: string): DisplayRow[] {
    const tree = this.runs.get(runId);
    return tree ? displayRowsOf(tree.live, tree.ghosts, tree.bornAt) : [];
  }

  /** Every process seen in the run, by (pid, start time), the exited ones too. */
  readonly membersOf = (runId: string): ReadonlySet<ProcessKey> => this.runs.get(runId)?.members ?? NO_MEMBERS;

  adopters(runId: string): ReadonlyMap<number, string> {
    return this.runs.get(runId)?.adopters ?? new Map();
  }

  /** A process of any run, live or a ghost: what the detail panel shows when it is selected. */
  find(key: ProcessKey): FoundProcess | null {
    const pid = Number(key.split(':')[0]);
    for (const tree of this.runs.values()) {
      const record = tree.live.get(pid);
      if (record && processKey(record) === key) return { record, exit: null };
      const ghost = tree.ghosts.get(key);
      if (ghost) return ghost;
    }
    return null;
  }

  /** Forgets old ghosts and birth marks of runs that still live; call it every second or so. */
  expire(): void {
    const now = this.now();
    let changed = false;
    for (const tree of this.runs.values()) {
      if (tree.live.size === 0) continue;
      for (const [key, ghost] of tree.ghosts) {
        if (now - ghost.exit.exitedAt > RUN_GHOST_MS) changed = tree.ghosts.delete(key) || changed;
      }
      for (const [key, at] of tree.bornAt) {
        if (now - at > RUN_NEW_MS) changed = tree.bornAt.delete(key) || changed;
      }
    }
    if (changed) this.publish();
  }

  private treeOf(runId: string): RunTree {
    let tree = this.runs.get(runId);
    if (!tree) {
      tree = { live: new Map(), ghosts: new Map(), bornAt: new Map(), adopters: new Map(), members: new Set(), at: 0 };
      this.runs.set(runId, tree);
      if (this.runs.size > RUNS_KEPT) this.runs.delete(this.runs.keys().next().value!);
    }
    return tree;
  }

  private publish(): void {
    this.version += 1;
    this.listeners.notify();
  }
}
