// Which timeline entries a scope shows: everything, a process and its descendants (the living and
// the ones that are gone), what the search matches, or a lab run.
import { childrenIndex, descendantsIn, type ChildrenIndex } from '../../../shared/model/buildTree';
import type { RunInfo } from '../../../shared/model/Lab';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { TimelineEntry } from '../store/timelineEntries';
import type { TimelineScope } from '../store/ViewStore';
import { processKey, type ProcessKey } from './processKey';
import type { ProcessPredicate } from './processQuery';

/** Each run's processes as the lab reported them, exited ones included (RunProcessStore.membersOf). */
export type RunMembers = (runId: string) => ReadonlySet<ProcessKey>;

export interface ScopeContext {
  /** The selected process (a ghost too), for the process scope. */
  selected: Pick<ProcessRecord, 'pid' | 'startTime'> | null;
  byPid: ReadonlyMap<number, ProcessRecord>;
  /** The search box's filter; null when it is empty. */
  predicate: ProcessPredicate | null;
  runs: readonly RunInfo[];
  runMembers: RunMembers;
}

/**
 * The pids of a family since `since`: the roots, their descendants alive now, and every process
 * the timeline saw born to a member (so children that have exited are still in it).
 */
export function familyPids(
  roots: Iterable<number>,
  since: number,
  entries: readonly TimelineEntry[],
  children: ChildrenIndex,
): Set<number> {
  const members = new Set<number>();
  for (const root of roots) {
    // Already in an earlier root's subtree, and its own with it (a run's live pids usually are).
    if (members.has(root)) continue;
    members.add(root);
    for (const child of descendantsIn(children, root)) members.add(child.pid);
  }
  // Entries are in time order, so a grandchild's birth comes after its parent's.
  for (const entry of entries) {
    if (entry.at >= since && entry.kind === 'spawned' && members.has(Number(entry.detail.ppid))) members.add(entry.pid);
  }
  return members;
}

function familyEntry(entries: readonly TimelineEntry[], roots: number[], since: number, children: ChildrenIndex) {
  const members = familyPids(roots, since, entries, children);
  // A pid can be reused: entries from before the family began are someone else's.
  return (entry: TimelineEntry) => members.has(entry.pid) && entry.at >= since;
}

function inFamily(entries: readonly TimelineEntry[], roots: number[], since: number, byPid: ScopeContext['byPid']) {
  return entries.filter(familyEntry(entries, roots, since, childrenIndex(byPid.values())));
}

/**
 * A lab run's family: its subtree, plus what the lab reported as its own (a daemon that left the
 * subtree, and a process that has exited though this page never saw it born).
 */
function runEntry(entries: readonly TimelineEntry[], run: RunInfo, children: ChildrenIndex, runMembers: RunMembers) {
  const inFamily = familyEntry(entries, [run.rootPid, ...run.livePids], run.startedAt, children);
  const members = runMembers(run.runId);
  // The family first: a set lookup by pid, where the key is a string made per entry (this runs
  // over the whole timeline on each update while it is full).
  return (entry: TimelineEntry) => inFamily(entry) || (members.size > 0 && members.has(processKey(entry)));
}

/** Whether an entry is in any of these runs' scopes: the entries the timeline keeps longest. */
export function inLabRuns(
  entries: readonly TimelineEntry[],
  runs: readonly RunInfo[],
  byPid: ScopeContext['byPid'],
  runMembers: RunMembers,
): (entry: TimelineEntry) => boolean {
  // One index of the table for every run: this runs on each update while the timeline is full.
  const children = childrenIndex(byPid.values());
  const inRun = runs.map((run) => runEntry(entries, run, children, runMembers));
  return (entry) => inRun.some((inThisRun) => inThisRun(entry));
}

export function scopeTimeline(
  entries: readonly TimelineEntry[],
  scope: TimelineScope,
  context: ScopeContext,
): readonly TimelineEntry[] {
  switch (scope.kind) {
    case 'all':
      return entries;
    case 'process': {
      const { selected } = context;
      return selected ? inFamily(entries, [selected.pid], selected.startTime, context.byPid) : [];
    }
    case 'search': {
      const { predicate } = context;
      if (!predicate) return entries;
      return entries.filter((entry) => entry.record !== null && predicate(entry.record));
    }
    case 'run': {
      const run = context.runs.find((r) => r.runId === scope.runId);
      return run
        ? entries.filter(runEntry(entries, run, childrenIndex(context.byPid.values()), context.runMembers))
        : [];
    }
  }
}
