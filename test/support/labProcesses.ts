// Finds, by scanning /proc, every process that carries a lab run tag of a given owner: what must
// never be left behind.
import { readdirSync } from 'node:fs';
import { readRunTag } from '../../src/main/lab/runTag';
import { procState } from './ChildProcesses';

export function taggedProcesses(ownerPid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => readRunTag(pid)?.ownerPid === ownerPid && !['Z', null].includes(procState(pid)));
}
