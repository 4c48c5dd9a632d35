// The neutral process record and system summary every sampler produces and every client reads.

/**
 * One letter as ps prints it (proc_pid_stat(5) field 3): R running, S sleeping, D disk sleep,
 * T stopped, t tracing stop, Z zombie, I idle kernel thread, X dead; `?` when a portable
 * sampler cannot tell.
 */
export type ProcessState = 'R' | 'S' | 'D' | 'T' | 't' | 'Z' | 'I' | 'X' | 'W' | 'P' | 'K' | '?';

export interface ProcessRecord {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  /** Controlling terminal such as "pts/3", or null when the process has none. */
  tty: string | null;
  /** Foreground process group of the controlling terminal (-1 without one). */
  tpgid: number;
  uid: number;
  user: string;
  state: ProcessState;
  /** ps-style STAT: state followed by the flags < N s l + (procps rules). */
  stat: string;
  nice: number;
  /** The kernel's priority field, as top's PR column shows it. */
  priority: number;
  threads: number;
  /** CPU use over the last interval; 100 = one whole core (as htop). */
  cpuPercent: number;
  memPercent: number;
  rssBytes: number;
  vszBytes: number;
  /** Start time, epoch milliseconds. With pid it identifies the process: pids are reused. */
  startTime: number;
  /** utime + stime, milliseconds. */
  cpuTimeMs: number;
  comm: string;
  /** argv; empty for kernel threads and zombies. */
  cmdline: string[];
  /** A kernel thread (PF_KTHREAD), such as kworker: no user space, no command line. */
  kernelThread: boolean;
  /**
   * A zombie's exit status as waitpid(2) reports it (proc_pid_stat(5) field 52, Linux 3.5+),
   * where the kernel shows it to ProcLab (its own user's processes, or all as root); else null.
   */
  exitStatus: number | null;
}

export type StateCounts = Partial<Record<ProcessState, number>>;

export interface SystemSummary {
  /** Epoch ms when the sample was taken. */
  takenAt: number;
  processCount: number;
  threadCount: number;
  stateCounts: StateCounts;
  loadAverage: [number, number, number];
  /** Busy percentage of each core over the last interval (0..100). */
  cpuPerCore: number[];
  memTotalBytes: number;
  memUsedBytes: number;
  uptimeSeconds: number;
}

/** A full picture of the machine at one instant. */
export interface Snapshot {
  seq: number;
  rows: ProcessRecord[];
  summary: SystemSummary;
}
