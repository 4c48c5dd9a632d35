// The contract's getIpcLinks: the pipes and sockets among the processes asked for, a lab run's
// (the processes its run tree shows: the lab's members, pinned by start time), or every process.
import { ProcLabFailure } from '../../shared/contract/errors';
import { MIN_INTERVAL_MS } from '../../shared/contract/methods';
import { IpcScanner } from '../ipc/IpcScanner';
import type { RunProcessFeed } from '../lab/RunProcessFeed';
import type { MethodHandlers, ProcLabService } from './ProcLabService';

export function createIpcHandler(
  service: ProcLabService,
  runFeed: () => RunProcessFeed,
): Pick<MethodHandlers, 'getIpcLinks'> {
  const scanner = new IpcScanner();
  return {
    getIpcLinks: async ({ pids, runId }) => {
      if (!service.capabilities.details) throw new ProcLabFailure('UNSUPPORTED', 'the IPC links need Linux /proc');
      await service.live.ensureFresh(MIN_INTERVAL_MS);
      const runPids =
        runId === undefined
          ? []
          : runFeed()
              .current(runId)
              .processes.map((record) => record.pid);
      const table = service.live.table.byPid;
      const scope = pids === undefined && runId === undefined ? [...table.keys()] : [...(pids ?? []), ...runPids];
      // ProcLab's own fds are its plumbing (thousands of stat files kept open), not a process's IPC.
      return scanner.scan(
        scope.filter((pid) => pid !== process.pid),
        table,
      );
    },
  };
}
