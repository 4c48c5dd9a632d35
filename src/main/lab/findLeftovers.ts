// Finds the processes of lab runs whose ProcLab is gone (it was SIGKILLed and could not clean up):
// they carry a run tag whose owner pid no longer runs.
import type { Leftover } from '../../shared/model/Lab';
import { allPids } from '../sampler/allPids';
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import { readRunTag } from './runTag';

export function findLeftovers(reader: ProcIdentityReader): Leftover[] {
  const leftovers: Leftover[] = [];
  for (const pid of allPids()) {
    const tag = readRunTag(pid);
    if (!tag || tag.ownerPid === process.pid || reader.read(tag.ownerPid) !== null) continue;
    const identity = reader.read(pid);
    if (identity && identity.state !== 'Z') {
      leftovers.push({
        pid,
        startTime: identity.startTime,
        comm: identity.comm,
        runId: tag.runId,
        ownerPid: tag.ownerPid,
      });
    }
  }
  return leftovers;
}
