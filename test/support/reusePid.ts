// Starts a process under a pid chosen by the test, the way pid reuse happens by chance on a busy
// machine: the kernel hands out ns_last_pid + 1 next (writing it needs root, or CAP_CHECKPOINT_RESTORE).
import { accessSync, constants, writeFileSync } from 'node:fs';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import type { ChildProcesses } from './ChildProcesses';

const LAST_PID = '/proc/sys/kernel/ns_last_pid';

export function canChoosePids(): boolean {
  try {
    accessSync(LAST_PID, constants.W_OK);
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

/** Other processes of the machine may take the pid first: it tries again, a few hundred times. */
export function spawnWithPid(
  children: ChildProcesses,
  pid: number,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): ChildProcess & { pid: number } {
  for (let attempt = 0; attempt < 300; attempt++) {
    writeFileSync(LAST_PID, String(pid - 1));
    const child = children.spawn(command, args, options);
    if (child.pid === pid) return child;
    child.kill('SIGKILL');
  }
  throw new Error(`could not start a process with pid ${pid}: the machine kept taking it`);
}
