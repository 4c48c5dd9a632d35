// Builds the neutral process record from the fields of /proc/PID/stat and what the sampler knows.
import type { ProcessRecord, ProcessState } from '../../shared/model/ProcessRecord';
import { composeStat } from './composeStat';
import { PF_KTHREAD, type StatFields } from './parseStat';
import type { KernelConstants } from './readKernelConstants';
import { ttyName } from './ttyName';

export interface RecordInputs {
  uid: number;
  user: string;
  cmdline: string[];
  cpuPercent: number;
  startTime: number;
  memTotalBytes: number;
  /** VmLck > 0 in /proc/PID/status: ps's L flag. */
  lockedPages: boolean;
  /** The kernel lets this sampler read the process's exit status (ptrace read access). */
  exitStatusVisible: boolean;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function toProcessRecord(f: StatFields, inputs: RecordInputs, constants: KernelConstants): ProcessRecord {
  const rssBytes = f.rssPages * constants.pageSize;
  return {
    pid: f.pid,
    ppid: f.ppid,
    pgid: f.pgid,
    sid: f.sid,
    tty: ttyName(f.ttyNr),
    tpgid: f.tpgid,
    uid: inputs.uid,
    user: inputs.user,
    state: f.state as ProcessState,
    stat: composeStat(f, inputs.lockedPages),
    nice: f.nice,
    priority: f.priority,
    threads: f.threads,
    cpuPercent: inputs.cpuPercent,
    memPercent: inputs.memTotalBytes > 0 ? round1((rssBytes / inputs.memTotalBytes) * 100) : 0,
    rssBytes,
    vszBytes: f.vszBytes,
    startTime: inputs.startTime,
    cpuTimeMs: Math.round(((f.utimeTicks + f.stimeTicks) * 1000) / constants.clockTicks),
    comm: f.comm,
    cmdline: inputs.cmdline,
    kernelThread: (f.flags & PF_KTHREAD) !== 0,
    exitStatus: f.state === 'Z' && inputs.exitStatusVisible ? f.exitStatus : null,
  };
}
