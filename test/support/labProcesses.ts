// Finds, by scanning /proc, every process that carries a lab run tag of a given owner: what must
// never be left behind.
import { readRunTag } from '../../src/main/lab/runTag';
import { allPids } from '../../src/main/sampler/allPids';
import { procState } from './ChildProcesses';

export function taggedProcesses(ownerPid: number): number[] {
  return allPids().filter((pid) => readRunTag(pid)?.ownerPid === ownerPid && !['Z', null].includes(procState(pid)));
}
