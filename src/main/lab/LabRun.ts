// One supervised run: its root child, its output line by line, its stdin, and how it ended.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { OutputLine, RunEdition, RunInfo } from '../../shared/model/Lab';

/** Lines kept per run for a window that opens late; older ones are dropped. */
const OUTPUT_KEPT = 2_000;
const PID_PREFIX = /^\[(\d+)\]\s?/;

export interface LabRunOptions {
  runId: string;
  demoId: string | null;
  edition: RunEdition | null;
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  onOutput: (line: OutputLine) => void;
  onExit: (run: LabRun) => void;
}

export class LabRun {
  readonly child: ChildProcess;
  readonly info: RunInfo;
  readonly output: OutputLine[] = [];
  private seq = 0;
  private finished = false;

  constructor(
    private readonly options: LabRunOptions,
    rootStartTime: (pid: number) => number,
  ) {
    const [command, ...args] = options.argv as [string, ...string[]];
    // detached: a new session and process group, so the run's foreground group is its own and
    // ProcLab's terminal (Ctrl+C on `npm start`) does not reach it.
    this.child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const pid = this.child.pid ?? -1;
    this.info = {
      runId: options.runId,
      demoId: options.demoId,
      edition: options.edition,
      argv: options.argv,
      cwd: options.cwd,
      startedAt: Date.now(),
      rootPid: pid,
      rootStartTime: pid > 0 ? rootStartTime(pid) : 0,
      pgid: pid,
      status: 'running',
      exitCode: null,
      exitSignal: null,
      stopReason: null,
      livePids: pid > 0 ? [pid] : [],
    };
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: this.child[stream]! }).on('line', (text) => this.addLine(stream, text));
    }
    this.child.stdin!.on('error', () => undefined);
    this.child.on('error', (error) => {
      this.addLine('lab', `could not start ${command}: ${error.message}`);
      this.finish(null, null);
    });
    this.child.on('exit', (code, signal) => this.finish(code, signal));
  }

  writeStdin(text: string): void {
    if (!this.child.stdin || this.child.stdin.destroyed || this.child.stdin.writableEnded) {
      throw new Error('the run’s standard input is closed');
    }
    this.child.stdin.write(text.endsWith('\n') ? text : `${text}\n`);
    this.addLine('stdin', text.replace(/\n$/, ''));
  }

  addLine(stream: OutputLine['stream'], raw: string): void {
    const match = PID_PREFIX.exec(raw);
    const line: OutputLine = {
      runId: this.info.runId,
      seq: ++this.seq,
      at: Date.now(),
      stream,
      pid: match ? Number(match[1]) : this.info.rootPid,
      text: raw,
    };
    this.output.push(line);
    if (this.output.length > OUTPUT_KEPT) this.output.splice(0, this.output.length - OUTPUT_KEPT);
    this.options.onOutput(line);
  }

  private finish(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.finished) return;
    this.finished = true;
    if (this.info.status === 'running') this.info.status = 'exited';
    this.info.exitCode = code;
    this.info.exitSignal = signal;
    this.options.onExit(this);
  }
}
