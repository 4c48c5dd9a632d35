// Signals in the contract: the catalog, a process's disposition, predictions and observed outcomes.

/** Default actions of signal(7). */
export type DefaultAction = 'terminate' | 'core' | 'stop' | 'continue' | 'ignore';

export interface SignalInfo {
  number: number;
  /** "SIGTERM", or "SIGRTMIN+3" for real-time signals. */
  name: string;
  defaultAction: DefaultAction;
  /** SIGKILL and SIGSTOP cannot be caught, blocked or ignored. */
  catchable: boolean;
  /** Shown first in the dialog: the signals a course (and htop) uses every day. */
  common: boolean;
  meaning: { en: string; zh: string };
}

/** What a process does with one signal, from /proc/PID/status (SigCgt, SigIgn, SigBlk, SigPnd, ShdPnd). */
export interface SignalDisposition {
  number: number;
  name: string;
  handling: 'handler' | 'ignored' | 'default';
  blocked: boolean;
  pending: boolean;
}

export type SignalTargetKind = 'process' | 'group' | 'subtree';

export type PredictionKind =
  | 'handler'
  | 'ignored'
  | 'blocked'
  | 'uncatchable-terminate'
  | 'uncatchable-stop'
  | 'terminate'
  | 'core'
  | 'stop'
  | 'continue'
  | 'ignored-by-default'
  | 'pending-while-stopped'
  /** Already dead: no signal changes a zombie; only its parent's wait() removes it. */
  | 'zombie'
  /** Kernel threads ignore signals (SIGKILL and SIGSTOP too) unless one asked for it. */
  | 'kernel-thread'
  /** A stop signal to a process that is stopped already. */
  | 'already-stopped'
  /** SIGCONT to a process that is not stopped. */
  | 'not-stopped'
  /** Blocked, and a standard signal of the same number is pending already: they merge. */
  | 'already-pending';

export interface Prediction {
  kind: PredictionKind;
  /** The default action, which is what happens unless a handler or SIG_IGN says otherwise. */
  defaultAction: DefaultAction;
}

/** running: the signal made no visible change; zombie: the target was and stays a zombie. */
export type ObservationKind = 'exited' | 'stopped' | 'continued' | 'running' | 'pending' | 'zombie';

export interface Observation {
  pid: number;
  kind: ObservationKind;
  /** The state letter last seen (for running/stopped). */
  state: string | null;
  /** For exits: the signal that ended it, if known. */
  exitSignal: string | null;
  exitCode: number | null;
  /** False when the exit status was inferred (the process was not ProcLab's child). */
  certain: boolean;
  /** What was predicted for this process (its own dispositions), and whether this bears it out. */
  predicted: PredictionKind;
  asPredicted: boolean;
}

export interface SignalReport {
  id: number;
  /** When kill(2) was called (the report itself comes about a second later, after watching). */
  at: number;
  signal: string;
  signalNumber: number;
  target: SignalTargetKind;
  pid: number;
  startTime: number;
  /** The process group, for a group send. */
  pgid: number | null;
  comm: string;
  /** Processes kill(2) accepted the signal for (it may still be pending in some of them). */
  delivered: number[];
  /** For the target process (the first of a group or subtree). */
  prediction: Prediction;
  /** The target first; each says whether it agrees with the prediction for that process. */
  observed: Observation[];
  /** Plain words, e.g. "ignored, as predicted". */
  error: string | null;
}
