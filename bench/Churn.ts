// Process churn for a benchmark: N short-lived processes a second, each killed by pid if still alive at stop.
import { spawn, type ChildProcess } from 'node:child_process';

export class Churn {
  private readonly alive = new Set<ChildProcess>();
  private timer: NodeJS.Timeout | null = null;
  /** If the benchmark dies, the sleeps it spawned die with it. */
  private readonly onExit = () => this.killNow();
  spawned = 0;

  constructor(
    private readonly perSecond: number,
    private readonly lifetimeSeconds: number,
  ) {}

  start(): void {
    process.once('exit', this.onExit);
    this.timer = setInterval(() => this.spawnOne(), 1000 / this.perSecond);
  }

  private spawnOne(): void {
    const child = spawn('sleep', [String(this.lifetimeSeconds)], { stdio: 'ignore' });
    this.spawned += 1;
    this.alive.add(child);
    child.once('exit', () => this.alive.delete(child));
    child.once('error', () => this.alive.delete(child));
  }

  private killNow(): void {
    for (const child of this.alive) child.kill('SIGKILL');
  }

  /** Stops spawning and ends the ones still living; resolves once they are reaped. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    process.removeListener('exit', this.onExit);
    const exits = [...this.alive].map((child) => new Promise((resolve) => child.once('exit', resolve)));
    this.killNow();
    await Promise.all(exits);
  }
}
