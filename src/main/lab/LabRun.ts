// One supervised run: its program (on the lab's terminal, or on pipes), its output on the way to
// clients, what is typed into it, and how it ended.
import type { OutputBatch, RunEdition, RunInfo } from '../../shared/model/Lab';
import { startOnPipes } from './PipeProcess';
import { startOnPty, type TerminalHelper } from './PtyProcess';
import { RunOutput } from './RunOutput';
import type { ProgramExit, RunProcess, RunProcessEvents, TerminalSize } from './RunProcess';

export const DEFAULT_TERMINAL_SIZE: TerminalSize = { cols: 80, rows: 24 };

export interface LabRunOptions {
  runId: string;
  demoId: string | null;
  edition: RunEdition | null;
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  tag: { name: string; value: string };
  /** How to run the lab's terminal; null: run on pipes. */
  terminal: TerminalHelper | null;
  onOutput: (batch: OutputBatch) => void;
  onExit: (run: LabRun) => void;
}

export class LabRun {
  readonly info: RunInfo;
  readonly output: RunOutput;
  private process: RunProcess | null = null;
  private finished = false;

  constructor(
    private readonly options: LabRunOptions,
    private readonly startTimeOf: (pid: number) => number,
  ) {
    this.info = {
      runId: options.runId,
      demoId: options.demoId,
      edition: options.edition,
      argv: options.argv,
      cwd: options.cwd,
      startedAt: Date.now(),
      rootPid: -1,
      rootStartTime: 0,
      pgid: -1,
      status: 'running',
      exitCode: null,
      exitSignal: null,
      stopReason: null,
      livePids: [],
      terminal: options.terminal !== null,
    };
    this.output = new RunOutput({
      runId: options.runId,
      emit: options.onOutput,
      onDrain: () => this.process?.resumeOutput(),
    });
  }

  /** Starts the program, which waits to run until release(); resolves once its pid is known. */
  async start(): Promise<void> {
    const { argv, cwd, env, tag, terminal } = this.options;
    const events: RunProcessEvents = {
      onStarted: (pid) => {
        Object.assign(this.info, { rootPid: pid, pgid: pid, livePids: [pid], rootStartTime: this.startTimeOf(pid) });
      },
      onOutput: (chunk) => {
        if (!this.output.write(chunk)) this.process?.pauseOutput();
      },
      onOutputEnd: () => this.output.end(),
      onExit: (exit) => this.finish(exit),
    };
    const options = { argv, cwd, env, tag, size: DEFAULT_TERMINAL_SIZE, events };
    try {
      this.process = terminal ? await startOnPty(terminal, options) : startOnPipes(options);
    } catch (error) {
      this.finish({ code: null, signal: null, failure: error instanceof Error ? error.message : String(error) });
    }
  }

  release(): void {
    this.process?.release();
  }

  /**
   * The root's pid (and so the run's group id) cannot name another process yet: on pipes Node has
   * not reaped it, and on the terminal the helper reaps it only after its exit was recorded here.
   */
  get rootHeld(): boolean {
    return this.info.rootPid > 0 && !this.finished;
  }

  /** Bytes typed into the run's terminal. */
  write(data: string): void {
    if (!this.process) throw new Error('the run never started');
    this.process.write(data);
  }

  resize(size: TerminalSize): void {
    this.process?.resize(size);
  }

  /** Lets go of the run's terminal (ProcLab is closing). */
  async close(): Promise<void> {
    await this.process?.close();
  }

  private finish(exit: ProgramExit): void {
    if (this.finished) return;
    this.finished = true;
    if (exit.failure) this.output.note(`could not start ${this.options.argv[0]}: ${exit.failure}`);
    if (this.info.status === 'running') this.info.status = 'exited';
    this.info.exitCode = exit.code;
    this.info.exitSignal = exit.signal;
    this.options.onExit(this);
  }
}
