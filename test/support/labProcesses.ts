// Finds, by scanning /proc, every process that carries a lab run tag of a given owner: what must
// never be left behind; and kills them when their owner could not.
import { readRunTag } from '../../src/main/lab/runTag';
import { allPids } from '../../src/main/sampler/allPids';
import { procState } from './ChildProcesses';
import { waitFor } from './waitFor';

export function taggedProcesses(ownerPid: number): number[] {
  return allPids().filter((pid) => readRunTag(pid)?.owner.pid === ownerPid && !['Z', null].includes(procState(pid)));
}

/** SIGKILL to every process tagged by ownerPid, scanning again until none is left (they may fork). */
export async function killTaggedProcesses(ownerPid: number): Promise<void> {
  await waitFor('no lab process of the owner left', () => {
    const left = taggedProcesses(ownerPid);
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    return left.length === 0;
  });
}
