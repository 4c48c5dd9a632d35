// The on-demand "PCB" of one process: what is too costly to read every tick.
import type { ProcessRecord } from './ProcessRecord';
import type { SignalDisposition } from './Signals';

/** A value read from /proc, or why it could not be read (permissions, kernel threads, platform). */
/**
 * A part of the details, or why it could not be read: a sentence in English, and the system's
 * error code (EACCES, ENOENT...) when there is one, so a client can say it in its own words.
 */
export type Readable<T> = { value: T } | { unavailable: string; errno?: string };

export type FdKind = 'file' | 'pipe' | 'socket' | 'anon' | 'device' | 'other';

export interface OpenFd {
  fd: number;
  target: string;
  kind: FdKind;
  /** Inode of a pipe or socket: two processes sharing one are connected. */
  inode: number | null;
}

export interface ThreadInfo {
  tid: number;
  comm: string;
  state: string;
  cpuTimeMs: number;
}

export interface ResourceLimit {
  name: string;
  soft: string;
  hard: string;
  units: string;
}

export interface ProcessDetails {
  record: ProcessRecord;
  /** Selected lines of /proc/PID/status, as the kernel names them (Uid, Gid, VmPeak, SigCgt...). */
  status: Readable<Record<string, string>>;
  cwd: Readable<string>;
  exe: Readable<string>;
  environ: Readable<string[]>;
  fds: Readable<OpenFd[]>;
  threads: Readable<ThreadInfo[]>;
  limits: Readable<ResourceLimit[]>;
  /** For every signal: caught by a handler, ignored, or default; blocked; pending. */
  signals: Readable<SignalDisposition[]>;
  /** Parent, grandparent... up to a root, nearest first. */
  ancestors: Pick<ProcessRecord, 'pid' | 'comm' | 'startTime'>[];
  children: Pick<ProcessRecord, 'pid' | 'comm' | 'startTime' | 'state'>[];
}
