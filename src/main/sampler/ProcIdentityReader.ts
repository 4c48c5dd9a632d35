// Reads one process's identity and state straight from /proc/PID/stat, with the start time computed
// exactly as the sampler does, so a (pid, start time) pin can be checked right before acting.
import { readFileSync } from 'node:fs';
import { PF_KTHREAD, parseStat } from './parseStat';
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
    let text: string;
    try {
      text = readFileSync(`${this.procRoot}/${pid}/stat`, 'utf8');
    } catch {
      return null;
    }
    const f = parseStat(text);
    if (!f) return null;
    const startTime = startTicksToEpochMs(this.bootTimeMs, f.startTicks, this.constants.clockTicks);
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
}
