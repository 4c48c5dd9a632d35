// The contract's getProcessDetails: the on-demand "PCB" of one process, pinned by (pid, start time)
// before and after it is read, so the answer never mixes in a process that took the pid meanwhile.
import { ProcLabFailure } from '../../shared/contract/errors';
import { MIN_INTERVAL_MS } from '../../shared/contract/methods';
import { ancestorsOf } from '../../shared/model/buildTree';
import { readProcessDetails } from '../details/readProcessDetails';
import { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import { readKernelConstants } from '../sampler/readKernelConstants';
import type { MethodHandlers, ProcLabService } from './ProcLabService';

export function createDetailsHandler(service: ProcLabService): Pick<MethodHandlers, 'getProcessDetails'> {
  // Built on first use: both need /proc, and getconf runs once.
  let reader: ProcIdentityReader | null = null;
  let clockTicks: number | null = null;

  /** The start time of the process at `pid` now, refused if it is not the one asked for. */
  const pin = (pid: number, startTime: number | undefined, moment: string): number => {
    const now = reader!.read(pid);
    if (!now) throw new ProcLabFailure('NO_SUCH_PROCESS', `process ${pid} has exited${moment}`);
    if (startTime !== undefined && now.startTime !== startTime) {
      throw new ProcLabFailure(
        'STALE_TARGET',
        `PID ${pid} now belongs to another process (${now.comm})${moment}; its details are not shown`,
      );
    }
    return now.startTime;
  };

  return {
    getProcessDetails: async ({ pid, startTime }) => {
      if (!service.capabilities.details) throw new ProcLabFailure('UNSUPPORTED', 'process details need Linux /proc');
      reader ??= new ProcIdentityReader();
      clockTicks ??= readKernelConstants().clockTicks;
      const pinned = pin(pid, startTime, '');
      await service.live.ensureFresh(MIN_INTERVAL_MS);
      // The table may predate the process (or the pid's new owner): sample once more then.
      if (service.live.table.byPid.get(pid)?.startTime !== pinned) await service.live.refresh();
      const table = service.live.table.byPid;
      const record = table.get(pid);
      if (record?.startTime !== pinned) throw new ProcLabFailure('NO_SUCH_PROCESS', `process ${pid} has exited`);
      const details = await readProcessDetails(record, table, ancestorsOf(table, pid), clockTicks, service.catalog);
      // Each file was opened by pid: only if the same process still has it were they all its own.
      pin(pid, pinned, ' while its details were read');
      return { record, ...details };
    },
  };
}
