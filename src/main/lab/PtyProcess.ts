// A lab run's program on a pseudo-terminal, through resources/terminal/proclab_pty.py: a python3
// helper (every Linux and macOS with the course's Python has one; no native module to rebuild
// for Electron). The helper is the terminal's session leader; the program is its child, in the
// terminal's foreground process group. See the helper's docstring for the protocol on fd 3.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  InputNotReadError,
  MAX_UNREAD_INPUT_BYTES,
  type RunProcess,
  type RunProcessOptions,
  type TerminalSize,
} from './RunProcess';

/** What the helper reports on fd 3, one JSON object a line. */
type HelperReport =
  | { pid: number }
  | { exec: 'ok' }
  | { exec: 'failed'; message: string }
  | { exit: number }
  | { signal: number; core: boolean };

const HELPER_STDERR_KEPT = 4096;
const CLOSE_GRACE_MS = 2_000;

export interface TerminalHelper {
  python: string;
  script: string;
}

/** python3 and the helper script (resources/terminal), or null without either. */
export function terminalHelper(python: string | null, script: string | undefined): TerminalHelper | null {
  return python && script && existsSync(script) ? { python, script } : null;
}

/** Starts the program on a new pseudo-terminal; resolves once its pid is known (it waits to run). */
export function startOnPty(helper: TerminalHelper, options: RunProcessOptions): Promise<RunProcess> {
  const { name, value } = options.tag;
  // The tag goes to the program only: the helper is the lab's, not the run's.
  const env: NodeJS.ProcessEnv = { ...options.env, TERM: 'xterm-256color' };
  delete env[name];
  const args = [String(options.size.rows), String(options.size.cols), `${name}=${value}`, '--', ...options.argv];
  const child = spawn(helper.python, [helper.script, ...args], {
    cwd: options.cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const pty = new PtyProcess(child, options, (started) => (started ? resolve(pty) : reject(pty.helperError())));
  });
}

class PtyProcess implements RunProcess {
  readonly terminal = true;
  private readonly control: Readable & Writable;
  private stderr = '';
  private execFailure: string | null = null;
  private exitReported = false;
  private helperGone: Promise<void>;

  constructor(
    private readonly child: ChildProcess,
    private readonly options: RunProcessOptions,
    settled: (started: boolean) => void,
  ) {
    const { events } = options;
    this.control = child.stdio[3] as Readable & Writable;
    let pidKnown = false;
    child.stdin!.on('error', () => undefined);
    this.control.on('error', () => undefined);
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-HELPER_STDERR_KEPT);
    });
    child.stdout!.on('data', events.onOutput);
    child.stdout!.on('end', events.onOutputEnd);
    // readline re-emits its input's errors (ECONNRESET when the helper dies with a report
    // unread): without a listener that would end ProcLab; 'close' below says what happened.
    const reports = createInterface({ input: this.control }).on('error', () => undefined);
    reports.on('line', (line) => {
      const report = parseReport(line);
      if (!report) return;
      if ('pid' in report) {
        pidKnown = true;
        events.onStarted(report.pid);
        settled(true);
      } else this.onReport(report);
    });
    this.helperGone = new Promise((resolve) => {
      child.on('error', (error) => {
        this.stderr ||= error.message;
        if (!pidKnown) settled(false);
        resolve();
      });
      // 'close' comes once the helper has exited and every line it wrote has been read.
      child.on('close', () => {
        if (!pidKnown) settled(false);
        else if (!this.exitReported)
          this.reportExit({ code: null, signal: null, failure: `the lab's terminal ended: ${this.lastWords()}` });
        resolve();
      });
    });
  }

  release(): void {
    this.send('go');
  }

  pauseOutput(): void {
    this.child.stdout!.pause();
  }

  resumeOutput(): void {
    this.child.stdout!.resume();
  }

  write(data: string): void {
    const stdin = this.child.stdin!;
    if (!stdin.writable) throw new Error('the run’s terminal is closed');
    if (stdin.writableLength > MAX_UNREAD_INPUT_BYTES) throw new InputNotReadError();
    stdin.write(data);
  }

  resize({ cols, rows }: TerminalSize): void {
    this.send(`size ${rows} ${cols}`);
  }

  /** Closing its input makes the helper end (and the kernel hang up the terminal, if still held). */
  async close(): Promise<void> {
    this.child.stdin!.end();
    this.control.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), CLOSE_GRACE_MS);
    await this.helperGone;
    clearTimeout(timer);
  }

  helperError(): Error {
    return new Error(`the lab's terminal (python3) could not start: ${this.lastWords()}`);
  }

  /** The last line the helper wrote on stderr (a Python error), if any. */
  private lastWords(): string {
    return this.stderr.trim().split('\n').pop() || 'it said nothing';
  }

  private onReport(report: Exclude<HelperReport, { pid: number }>): void {
    if ('exec' in report) {
      if (report.exec === 'failed') this.execFailure = report.message;
    } else if ('exit' in report) {
      this.reportExit({ code: report.exit, signal: null, failure: this.execFailure });
      this.send('reap');
    } else {
      this.reportExit({ code: null, signal: signalName(report.signal), failure: null });
      this.send('reap');
    }
  }

  private reportExit(exit: Parameters<RunProcessOptions['events']['onExit']>[0]): void {
    this.exitReported = true;
    this.options.events.onExit(exit);
  }

  private send(command: string): void {
    if (this.control.writable) this.control.write(`${command}\n`);
  }
}

/** A line of the helper's report, or null (and a note in the log) if it is not one. */
function parseReport(line: string): HelperReport | null {
  try {
    return JSON.parse(line) as HelperReport;
  } catch {
    console.error(`[proclab] the terminal helper said something unexpected: ${line.slice(0, 200)}`);
    return null;
  }
}

function signalName(number: number): NodeJS.Signals | null {
  const entry = Object.entries(constants.signals).find(([, n]) => n === number);
  return (entry?.[0] as NodeJS.Signals | undefined) ?? null;
}
