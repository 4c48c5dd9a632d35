// The program of a lab run as the lab drives it: on the lab's pseudo-terminal (PtyProcess), or on
// pipes where python3, which runs the terminal, is missing (PipeProcess).

export interface ProgramExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why the program could not be started, when it could not. */
  failure: string | null;
}

export interface RunProcessEvents {
  /** The program's pid, as soon as it exists (before it runs). */
  onStarted: (pid: number) => void;
  onOutput: (chunk: Buffer) => void;
  onOutputEnd: () => void;
  /** The program's exact exit status; on the terminal it is reaped only after this returns. */
  onExit: (exit: ProgramExit) => void;
}

export interface RunProcessOptions {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The run tag, put in the environment of the program (and of everything it starts). */
  tag: { name: string; value: string };
  size: TerminalSize;
  events: RunProcessEvents;
}

export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface RunProcess {
  /** True on a pseudo-terminal; false on pipes. */
  readonly terminal: boolean;
  /** Lets the program run: it waits until the lab has recorded its pid. */
  release(): void;
  /** Stops reading the program's output, so it blocks in write(2) (back-pressure). */
  pauseOutput(): void;
  resumeOutput(): void;
  /** Bytes typed into the terminal (on pipes: written to stdin, and echoed). */
  write(data: string): void;
  resize(size: TerminalSize): void;
  /** Lets go of the program's terminal; resolves once ProcLab's side has ended. */
  close(): Promise<void>;
}

/** Past this, input the program does not read is refused rather than buffered. */
export const MAX_UNREAD_INPUT_BYTES = 64 * 1024;

export class InputNotReadError extends Error {
  constructor() {
    super(`the program is not reading its input (${MAX_UNREAD_INPUT_BYTES / 1024} KiB are waiting)`);
  }
}
