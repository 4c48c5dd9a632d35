// Main-side handle of the proc connector listener (procConnectorScript.ts): started with the first
// run where the kernel allows it (root), it reports every fork and exit under the lab's processes as
// the kernel queued them. Elsewhere it reports nothing and the lab polls.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PROC_CONNECTOR_SCRIPT } from './procConnectorScript';

export type ConnectorEvent =
  | { e: 'fork'; pid: number; ppid: number; pticks: number; ticks: number; comm: string; at: number }
  | { e: 'exit'; pid: number; ticks: number; at: number };

/** How long the listener may take to subscribe before the lab goes on without it. */
const START_TIMEOUT_MS = 3_000;

export class ProcConnector {
  private helper: ChildProcess | null = null;
  private started: Promise<boolean> | null = null;

  constructor(private readonly onEvent: (event: ConnectorEvent) => void) {}

  /** Resolves true once the kernel sends events, false where it cannot (no root, no python3). */
  start(): Promise<boolean> {
    this.started ??= new Promise((resolve) => {
      const helper = spawn('python3', ['-c', PROC_CONNECTOR_SCRIPT], { stdio: ['pipe', 'pipe', 'ignore'] });
      this.helper = helper;
      const stop = () => {
        clearTimeout(timer);
        helper.kill('SIGKILL');
        resolve(false);
      };
      const timer = setTimeout(stop, START_TIMEOUT_MS);
      helper.on('error', stop);
      helper.stdin!.on('error', () => undefined);
      helper.once('exit', () => {
        if (this.helper === helper) this.helper = null;
        stop();
      });
      createInterface({ input: helper.stdout! }).on('line', (line) => {
        const message = JSON.parse(line) as ConnectorEvent | { e: 'ready' | 'unavailable' | 'overrun' };
        if (message.e === 'ready') {
          clearTimeout(timer);
          resolve(true);
        } else if (message.e === 'unavailable') {
          stop();
        } else if (message.e === 'fork' || message.e === 'exit') {
          this.onEvent(message);
        }
      });
      // It must never keep ProcLab alive, and it ends by itself when ProcLab's end of stdin closes.
      helper.unref();
    });
    return this.started;
  }

  watch(pid: number): void {
    if (this.helper?.stdin?.writable) this.helper.stdin.write(`watch ${pid}\n`);
  }

  /** Stops the listener; start() starts a new one. */
  close(): void {
    this.helper?.kill('SIGKILL');
    this.helper = null;
    this.started = null;
  }
}
