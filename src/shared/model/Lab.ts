// The demo lab in the contract: demos, runs, their output and how they ended.

export interface Localized {
  en: string;
  zh: string;
}

/** The languages a run's programs can be asked to print in: the UI's languages. */
export const RUN_LANGUAGES = ['en', 'zh'] as const;
export type RunLanguage = (typeof RUN_LANGUAGES)[number];

/** How a demo edition is run: `python3`, `/bin/sh` or `node`, each found on this machine. */
export type DemoRuntime = 'python' | 'sh' | 'node';

/** The command each runtime is known by, as a student would type it. */
export const RUNTIME_COMMANDS: Record<DemoRuntime, string> = { python: 'python3', sh: 'sh', node: 'node' };

/** The course's order (the notes' chapters): the lab lists demos group by group. */
export const COURSE_GROUPS = [
  'processes',
  'fork',
  'zombie-orphan',
  'multiprocessing',
  'pool',
  'ipc',
  'signals',
  'synchronisation',
  'threads',
  'servers',
] as const;
export type CourseGroup = (typeof COURSE_GROUPS)[number];

/** One way to run a demo: the Python edition first, sh/Node fallbacks with the same claims. */
export interface DemoEdition {
  runtime: DemoRuntime;
  /** File name in resources/demos, and its source text (read-only in the UI). */
  file: string;
  source: string;
  /** Its runtime was found on this machine when the list was asked for. */
  available: boolean;
}

export interface DemoInfo {
  id: string;
  /** Where it sits in the course; demos keep the manifest's order within a group. */
  group: CourseGroup;
  title: Localized;
  /** What to look for, in plain words. */
  explanation: Localized;
  /** Things to try while it runs. */
  tryThis: Localized[];
  /** What the lab must let a student see (checked by the tests). */
  observation: Localized;
  /** The course concepts it teaches (CONCEPTS.md), e.g. ["C9"]. */
  concepts: string[];
  /** The primary edition first; the first available one is the one that runs. */
  editions: DemoEdition[];
}

/** Which edition a demo run uses, and why when it is not the primary one. */
export interface RunEdition {
  runtime: DemoRuntime;
  file: string;
  /** The program that runs it, as found (e.g. /usr/bin/python3). */
  interpreter: string;
  /** Commands of the preferred editions that were not found (e.g. ["python3"]); empty for the primary. */
  missing: string[];
}

export type RunStatus = 'running' | 'exited' | 'stopped';

export interface RunInfo {
  runId: string;
  /** The demo's id, or null for "run your own program". */
  demoId: string | null;
  /** The demo's edition that runs; null for "run your own program". */
  edition: RunEdition | null;
  argv: string[];
  cwd: string;
  startedAt: number;
  /** The first process of the run; its process group is the run's foreground group. */
  rootPid: number;
  rootStartTime: number;
  pgid: number;
  status: RunStatus;
  exitCode: number | null;
  exitSignal: string | null;
  /** Why the lab stopped it: asked to, process cap, time cap, shutdown. */
  stopReason: string | null;
  /** Processes of the run alive now (daemons included). */
  livePids: number[];
  /**
   * On a pseudo-terminal of the lab (the normal case). False where python3, which runs the
   * terminal, was not found: then the run has pipes, no TTY, and terminal keys are sent with kill().
   */
  terminal: boolean;
}

/**
 * A piece of a run's terminal output. Text is UTF-8 as the program wrote it, escape sequences and
 * all; what a terminal should not be sent is replaced by a count: the rest of a line longer than
 * the limit (`cut`), and output that is not text (`binary`: NUL bytes, other control bytes that
 * are not terminal controls, or bytes that are not UTF-8). While such a stretch goes on, pieces
 * with `done: false` carry the count so far; the last one has `done: true`. `lab` is a note of
 * the lab itself (a start failure, a stop).
 */
export type OutputPiece =
  | { kind: 'text'; text: string }
  | { kind: 'cut'; keptBytes: number; skippedBytes: number; done: boolean }
  | { kind: 'binary'; bytes: number; done: boolean }
  | { kind: 'lab'; text: string };

/** A line that named its process: it started with "[pid]" (the demos' lines do). */
export interface ProcessLine {
  seq: number;
  at: number;
  pid: number;
  /** Without escape sequences; cut at the line limit when `cut`. */
  text: string;
  cut: boolean;
}

/** What a run printed since the previous batch (`labOutput`, about every 50 ms while it prints). */
export interface OutputBatch {
  runId: string;
  /** 1, 2, 3… per run. */
  seq: number;
  pieces: OutputPiece[];
  lines: ProcessLine[];
}

/** A run's output kept by the lab (`getRunOutput`): the latest part, up to `seq`. */
export interface RunOutputSnapshot {
  runId: string;
  /** The last batch included. */
  seq: number;
  /** Characters of the oldest output dropped to keep the rest within bounds. */
  droppedChars: number;
  pieces: OutputPiece[];
  lines: ProcessLine[];
}

export interface Leftover {
  pid: number;
  startTime: number;
  comm: string;
  runId: string;
  ownerPid: number;
}
