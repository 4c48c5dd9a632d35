// Starts a process under a pid chosen by the test, the way pid reuse happens by chance on a busy
// machine: the kernel hands out ns_last_pid + 1 next (writing it needs root, or CAP_CHECKPOINT_RESTORE).
import { accessSync, constants, existsSync } from 'node:fs';
import type { ChildProcesses } from './ChildProcesses';
import { waitFor } from './waitFor';

const LAST_PID = '/proc/sys/kernel/ns_last_pid';

/**
 * A shell writes the pid and forks at once (a few microseconds apart, so other forks on the machine
 * rarely come between); setsid makes the newcomer lead its own session and group, pgid = pid.
 */
const SCRIPT = `echo "$0" > ${LAST_PID}; setsid "$@" & echo "[$!]"; wait`;

export function canChoosePids(): boolean {
  try {
    accessSync(LAST_PID, constants.W_OK);
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

export interface Newcomer {
  pid: number;
  /** What it printed so far. */
  output(): string;
}

/**
 * Null when another process of the machine took the pid first and keeps it: the pid changed hands
 * all the same, but not to a process the test can watch.
 */
export async function spawnWithPid(
  children: ChildProcesses,
  pid: number,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Newcomer | null> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (existsSync(`/proc/${pid}`)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    const shell = children.spawn('sh', ['-c', SCRIPT, String(pid - 1), command, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let output = '';
    shell.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const got = Number(await waitFor('the newcomer’s pid', () => /^\[(\d+)\]\n/.exec(output)?.[1]));
    children.adopt(got);
    if (got === pid) return { pid, output: () => output.slice(output.indexOf('\n') + 1) };
    process.kill(got, 'SIGKILL');
  }
  if (existsSync(`/proc/${pid}`)) return null;
  throw new Error(`could not start a process with pid ${pid}: the machine kept taking it`);
}
