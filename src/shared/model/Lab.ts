// The demo lab in the contract: demos, runs, their output and how they ended.

export interface Localized {
  en: string;
  zh: string;
}

export interface DemoInfo {
  id: string;
  title: Localized;
  /** What to look for, in plain words. */
  explanation: Localized;
  /** Things to try while it runs. */
  tryThis: Localized[];
  /** What the lab must let a student see (checked by the tests). */
  observation: Localized;
  /** The course concepts it teaches (CONCEPTS.md), e.g. ["C9"]. */
  concepts: string[];
  runtime: 'sh' | 'node';
  /** File name in resources/demos, and its source text (read-only in the UI). */
  file: string;
  source: string;
}

export type RunStatus = 'running' | 'exited' | 'stopped';

export interface RunInfo {
  runId: string;
  /** The demo's id, or null for "run your own program". */
  demoId: string | null;
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
}

export interface OutputLine {
  runId: string;
  seq: number;
  at: number;
  stream: 'stdout' | 'stderr' | 'stdin' | 'lab';
  /** The process that printed it, when the line starts with "[pid]" (the demos do), else the root. */
  pid: number;
  text: string;
}

export interface Leftover {
  pid: number;
  startTime: number;
  comm: string;
  runId: string;
  ownerPid: number;
}
