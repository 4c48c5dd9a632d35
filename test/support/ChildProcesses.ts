// Starts real processes for a test and kills exactly those pids afterwards, never by name.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { waitFor } from './waitFor';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The kernel's state letter of a pid, or null once it is gone (proc_pid_stat(5)). */
export function procState(pid: number): string | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/** Resident memory of a pid in bytes, from VmRSS of /proc/PID/status (proc_pid_status(5)). */
export function rssBytesOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

export class ChildProcesses {
  private readonly pids = new Set<number>();
  private readonly children: ChildProcess[] = [];

  spawn(command: string, args: string[], options: SpawnOptions = {}): ChildProcess & { pid: number } {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    if (child.pid === undefined) throw new Error(`could not start ${command}`);
    this.pids.add(child.pid);
    this.children.push(child);
    child.on('error', () => undefined);
    return child as ChildProcess & { pid: number };
  }

  /** A pid the test learnt of (a grandchild): it is killed at the end as well. */
  adopt(pid: number): void {
    this.pids.add(pid);
  }

  /** The first line a child prints, e.g. the pid of a grandchild it started. */
  static firstLine(child: ChildProcess): Promise<string> {
    return new Promise((resolve, reject) => {
      let text = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const newline = text.indexOf('\n');
        if (newline >= 0) resolve(text.slice(0, newline));
      });
      child.once('exit', () => reject(new Error(`exited before printing a line (got "${text}")`)));
    });
  }

  /** A shell with `count` sleeps of its own (enough rows to scroll the grid); every pid is killed at the end. */
  async sleepers(count: number): Promise<number[]> {
    const shell = this.spawn('sh', [
      '-c',
      `i=0; while [ $i -lt ${count} ]; do sleep 300 & i=$((i+1)); done; echo ready; wait`,
    ]);
    await ChildProcesses.firstLine(shell);
    const pids = readFileSync(`/proc/${shell.pid}/task/${shell.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    pids.forEach((pid) => this.adopt(pid));
    return pids;
  }

  /** A Node child whose SIGUSR1 handler prints "got USR1"; resolves once the handler is set. */
  async nodeWithUsr1Handler(): Promise<{ child: ChildProcess & { pid: number }; output: () => string }> {
    const child = this.spawn(process.execPath, [
      '-e',
      "process.on('SIGUSR1', () => console.log('got USR1')); console.log('ready'); setInterval(() => {}, 1000);",
    ]);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor('the handler installed', () => output.includes('ready'));
    return { child, output: () => output };
  }

  /** SIGKILL to every recorded pid that is still alive, then wait until they are gone. */
  async killAll(): Promise<void> {
    for (const pid of this.pids) {
      try {
        process.kill(pid, 'SIGCONT');
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await waitFor('test processes to end', () =>
      [...this.pids].every((pid) => procState(pid) === null || procState(pid) === 'Z'),
    );
    this.pids.clear();
    this.children.length = 0;
  }
}
