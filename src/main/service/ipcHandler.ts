// The contract's getIpcLinks: the pipes and sockets among the processes asked for, a lab run's
// (its members as the lab knows them, pinned by start time), or every process.
import { ProcLabFailure } from '../../shared/contract/errors';
import { MIN_INTERVAL_MS } from '../../shared/contract/methods';
import { IpcScanner } from '../ipc/IpcScanner';
import { labUnavailable } from './labHandlers';
import type { MethodHandlers, ProcLabService } from './ProcLabService';

export function createIpcHandler(service: ProcLabService): Pick<MethodHandlers, 'getIpcLinks'> {
  const scanner = new IpcScanner();

  /** The run's processes the table lists as the same processes (pid and start time) the lab has. */
  const runScope = async (runId: string): Promise<number[]> => {
    const members = (service.supervisor ?? labUnavailable()).membersOf(runId);
    const sameInTable = () => members.filter((m) => service.live.table.byPid.get(m.pid)?.startTime === m.startTime);
    // The table may predate a newcomer (or a pid's new owner): sample once more then.
    if (sameInTable().length < members.length) await service.live.refresh();
    return sameInTable().map((m) => m.pid);
  };

  return {
    getIpcLinks: async ({ pids, runId }) => {
      if (!service.capabilities.details) throw new ProcLabFailure('UNSUPPORTED', 'the IPC links need Linux /proc');
      await service.live.ensureFresh(MIN_INTERVAL_MS);
      const runPids = runId === undefined ? [] : await runScope(runId);
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
