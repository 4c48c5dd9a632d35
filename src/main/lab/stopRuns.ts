// Stops runs: TERM, grace, KILL until a fresh look finds none of their processes (endProcesses),
// then says in each run's output how it ended. Runs stopped together share one look through /proc.
import type { LabMembers, LiveMember } from './LabMembers';
import type { LabProcessTracker } from './LabProcessTracker';
import type { LabRun } from './LabRun';
import type { WatchedProcess } from './LabTreePoller';
import { endProcesses } from './endProcesses';

export interface RunStopping {
  tracker: LabProcessTracker;
  signal: (target: WatchedProcess, signal: NodeJS.Signals) => void;
  graceMs: number;
}

/**
 * A run is marked stopped (and says how) if it was running or had a process left; returns those.
 */
export async function stopRuns(runs: LabRun[], reason: string, how: RunStopping): Promise<LabRun[]> {
  for (const run of runs) {
    if (run.info.status === 'running' && run.info.stopReason === null) run.info.stopReason = reason;
  }
  const runIds = runs.map((run) => run.info.runId);
  const ending = await endProcesses(() => processesLeft(runIds, how.tracker), how.signal, how.graceMs);
  const stopped: LabRun[] = [];
  for (const run of runs) {
    const count = (list: LiveMember[]) => list.filter((m) => m.runId === run.info.runId).length;
    const [termed, killed, remaining] = [count(ending.termed), count(ending.killed), count(ending.remaining)];
    if (run.info.status !== 'running' && termed + killed === 0) continue;
    run.info.stopReason ??= reason;
    run.info.status = 'stopped';
    const resisted = remaining > 0 ? `, ${remaining} still there` : '';
    run.output.note(
      `run stopped (${run.info.stopReason}): ${termed} processes asked to end with SIGTERM, ${killed} ended by SIGKILL${resisted}`,
    );
    stopped.push(run);
  }
  return stopped;
}

/** The runs' processes still alive; when none is known, a look for tagged newcomers first. */
async function processesLeft(runIds: string[], tracker: LabProcessTracker): Promise<LiveMember[]> {
  const alive = (members: LabMembers) =>
    runIds.flatMap((id) => members.ofRun(id)).filter((m) => m.state !== 'Z' && m.state !== 'X');
  if (alive(tracker.members).length === 0) tracker.lookAgain();
  return alive(tracker.members);
}
