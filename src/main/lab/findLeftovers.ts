// Finds the processes of lab runs whose ProcLab is gone (it was SIGKILLed and could not clean up):
// those carrying a run tag whose owner no longer runs, and those its run record lists, pinned by
// (pid, start time), which finds them even if they removed their tag.
import type { Leftover } from '../../shared/model/Lab';
import { allPids } from '../sampler/allPids';
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import type { RunRecords } from './RunRecords';
import { readRunTag, sameOwner, type OwnerIdentity } from './runTag';

export interface LeftoverSearch {
  leftovers: Leftover[];
  /** Records of ProcLabs that are gone and left nothing running: safe to delete. */
  spentRecords: string[];
}

export function findLeftovers(reader: ProcIdentityReader, records: RunRecords, self: OwnerIdentity): LeftoverSearch {
  const found = new Map<number, Leftover>();
  const isGone = (owner: OwnerIdentity) => !sameOwner(owner, self) && !isRunning(reader, owner);
  const add = (pid: number, startTime: number | null, runId: string, ownerPid: number) => {
    const identity = reader.read(pid);
    if (!identity || identity.state === 'Z' || found.has(pid)) return;
    if (startTime !== null && identity.startTime !== startTime) return;
    found.set(pid, { pid, startTime: identity.startTime, comm: identity.comm, runId, ownerPid });
  };
  for (const pid of allPids()) {
    const tag = readRunTag(pid);
    if (tag && isGone(tag.owner)) add(pid, null, tag.runId, tag.owner.pid);
  }
  const spentRecords: string[] = [];
  for (const { file, record } of records.others()) {
    if (!isGone(record.owner)) continue;
    const before = found.size;
    for (const p of record.processes) add(p.pid, p.startTime, p.runId, record.owner.pid);
    const taggedFound = [...found.values()].some((l) => l.ownerPid === record.owner.pid);
    if (found.size === before && !taggedFound) spentRecords.push(file);
  }
  return { leftovers: [...found.values()], spentRecords };
}

/** The owner still runs: same pid and, when the tag says it, the same start (not a reused pid). */
function isRunning(reader: ProcIdentityReader, owner: OwnerIdentity): boolean {
  if (owner.startTicks === null) return reader.read(owner.pid) !== null;
  return reader.startTicks(owner.pid) === owner.startTicks;
}
