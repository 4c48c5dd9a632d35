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
  | 'pending-while-stopped';

export interface Prediction {
  kind: PredictionKind;
  /** The default action, which is what happens unless a handler or SIG_IGN says otherwise. */
  defaultAction: DefaultAction;
}

export type ObservationKind = 'exited' | 'stopped' | 'continued' | 'running' | 'pending';

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
}

export interface SignalReport {
  id: number;
  at: number;
  signal: string;
  signalNumber: number;
  target: SignalTargetKind;
  pid: number;
  startTime: number;
  /** The process group, for a group send. */
  pgid: number | null;
  comm: string;
  /** Processes the signal was delivered to. */
  delivered: number[];
  prediction: Prediction;
  observed: Observation[];
  /** Plain words, e.g. "ignored, as predicted". */
  error: string | null;
}
