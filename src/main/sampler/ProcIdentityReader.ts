// Reads one process's identity and state straight from /proc/PID/stat, with the start time computed
// exactly as the sampler does, so a (pid, start time) pin can be checked right before acting.
import { readFileSync } from 'node:fs';
import { PF_KTHREAD, parseStat, type StatFields } from './parseStat';
import { parseProcStat } from './parseSystemFiles';
import { readKernelConstants, startTicksToEpochMs, type KernelConstants } from './readKernelConstants';

export interface ProcIdentity {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
  startTime: number;
  comm: string;
  nice: number;
  kernelThread: boolean;
}

export class ProcIdentityReader {
  private readonly constants: KernelConstants = readKernelConstants();
  private readonly bootTimeMs: number;

  constructor(private readonly procRoot = '/proc') {
    this.bootTimeMs = parseProcStat(readFileSync(`${procRoot}/stat`, 'utf8')).bootTimeSeconds * 1000;
  }

  read(pid: number): ProcIdentity | null {
    const f = this.fields(pid);
    if (!f) return null;
    const startTime = this.startTimeOfTicks(f.startTicks);
    const kernelThread = (f.flags & PF_KTHREAD) !== 0;
    return {
      pid: f.pid,
      ppid: f.ppid,
      pgid: f.pgid,
      state: f.state,
      startTime,
      comm: f.comm,
      nice: f.nice,
      kernelThread,
    };
  }

  /**
   * The start time exactly as the kernel keeps it (clock ticks since boot): unlike epoch
   * milliseconds, it does not move if the wall clock is set, so it can identify a process for as
   * long as the machine runs.
   */
  startTicks(pid: number): number | null {
    return this.fields(pid)?.startTicks ?? null;
  }

  /** A start in clock ticks since boot as epoch milliseconds, exactly as read() computes it. */
  startTimeOfTicks(ticks: number): number {
    return startTicksToEpochMs(this.bootTimeMs, ticks, this.constants.clockTicks);
  }

  /** The pinned process still runs: same pid, same start time, not a zombie. */
  isAlive(pid: number, startTime: number): boolean {
    const now = this.read(pid);
    return now !== null && now.startTime === startTime && now.state !== 'Z' && now.state !== 'X';
  }

  /** /proc/PID/status as text, or null once the process is gone. */
  status(pid: number): string | null {
    try {
      return readFileSync(`${this.procRoot}/${pid}/status`, 'utf8');
    } catch {
      return null;
    }
  }

  private fields(pid: number): StatFields | null {
    try {
      return parseStat(readFileSync(`${this.procRoot}/${pid}/stat`, 'utf8'));
    } catch {
      return null;
    }
  }
}
