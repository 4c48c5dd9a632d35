// Starts N idle processes for a benchmark and kills exactly those pids afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One shell forks N `sleep`s; the pids are read back from the kernel, never guessed by name. */
export class IdleProcesses {
  private constructor(
    private readonly launcher: ChildProcess & { pid: number },
    readonly pids: number[],
  ) {}

  static async start(count: number): Promise<IdleProcesses> {
    const script = `i=0; while [ $i -lt ${count} ]; do sleep 86400 & i=$((i+1)); done; echo started; wait`;
    const launcher = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] }) as ChildProcess & {
      pid: number;
    };
    await new Promise<void>((resolve, reject) => {
      launcher.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve());
      launcher.once('exit', (code) => reject(new Error(`launcher exited early (${code})`)));
    });
    const children = readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    const idle = new IdleProcesses(launcher, children);
    // If the benchmark dies, its sleeps must not outlive it (they belong to the shell, not to us).
    process.once('exit', () => idle.killNow());
    if (children.length !== count) {
      await idle.stop();
      throw new Error(`expected ${count} children, found ${children.length}`);
    }
    return idle;
  }

  private killNow(): void {
    for (const pid of this.pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  async stop(): Promise<void> {
    this.killNow();
    // The shell reaps them in `wait`, then exits by itself.
    await new Promise<void>((resolve) => {
      if (this.launcher.exitCode !== null) return resolve();
      this.launcher.once('exit', () => resolve());
    });
  }
}

/** Runs with `count` idle processes on the machine, and ends them whatever happens. */
export async function withIdle<T>(count: number, run: (idle: IdleProcesses) => Promise<T>): Promise<T> {
  const idle = await IdleProcesses.start(count);
  try {
    return await run(idle);
  } finally {
    await idle.stop();
  }
}
