// What a run's status dot and header say. The lab reports a run "exited" when its first process
// has; a daemon outlives it (its first process forks and exits at once), and that run is still
// running for whoever watches it.
import type { RunInfo } from '../../../shared/model/Lab';

export type ShownRunStatus = 'running' | 'outlived' | 'exited' | 'stopped';

export function shownRunStatus(run: Pick<RunInfo, 'status' | 'livePids'>): ShownRunStatus {
  return run.status === 'exited' && run.livePids.length > 0 ? 'outlived' : run.status;
}

/** The dot's colour: a run outlived by its processes is running. */
export function runStatusClass(shown: ShownRunStatus): string {
  return `run-status status-${shown === 'outlived' ? 'running' : shown}`;
}
