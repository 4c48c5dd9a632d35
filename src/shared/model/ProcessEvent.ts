// What happened between two samples: the mark-and-sweep diff expressed as events.
import type { ProcessState } from './ProcessRecord';

/** Fields whose change is reported as a `changed` event (cpu and memory are not events). */
export const TRACKED_FIELDS = ['state', 'nice', 'ppid', 'pgid', 'sid', 'tty', 'comm', 'uid'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];
export type FieldChanges = Partial<Record<TrackedField, [unknown, unknown]>>;

interface EventBase {
  /** Epoch ms of the sample that saw it (for a lab process no sample saw: when the lab saw it). */
  at: number;
  pid: number;
  startTime: number;
  comm: string;
}

export interface SpawnedEvent extends EventBase {
  kind: 'spawned';
  ppid: number;
}
export interface ExitedEvent extends EventBase {
  kind: 'exited';
  ppid: number;
  /**
   * How it ended: exact for the lab's own children (ProcLab is their parent); for others, the
   * status it held as a zombie when a sample saw it so. Absent when not observed.
   */
  exitCode?: number | null;
  signal?: string | null;
}
export interface ChangedEvent extends EventBase {
  kind: 'changed';
  changes: FieldChanges;
}
export interface ReparentedEvent extends EventBase {
  kind: 'reparented';
  oldPpid: number;
  newPpid: number;
}
export interface ZombieEvent extends EventBase {
  kind: 'zombie';
  ppid: number;
  /** Null when the process was already a zombie the first time it was sampled. */
  previousState: ProcessState | null;
  /** The status it holds for its parent (proc_pid_stat(5) field 52), where the kernel shows it. */
  exitCode?: number | null;
  signal?: string | null;
}

export type ProcessEvent = SpawnedEvent | ExitedEvent | ChangedEvent | ReparentedEvent | ZombieEvent;
