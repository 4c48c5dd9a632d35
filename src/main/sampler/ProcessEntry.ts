// What the Linux sampler keeps per process between ticks.
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import type { LockState } from './LockedPages';
import { ownsMemory, type StatFields } from './parseStat';
import type { RunCount } from './SchedstatGate';
import type { StatBytes } from './StatBytes';

export interface ProcessEntry extends LockState {
  /**
   * Kept-open fd of /proc/PID/stat, or null (then opened per read) when its schedstat is kept
   * instead or past the fd cap: a kept /proc file holds a page of kernel memory, so one per process.
   */
  fd: number | null;
  /** The stat bytes last parsed. */
  stat: StatBytes;
  record: ProcessRecord;
  cpuTicks: number;
  /** performance.now() of the last read: CPU% is over each process's own interval. */
  readAt: number;
  seenInTick: number;
  /** The command line read empty for a user process (mid-exec): read it again next tick. */
  cmdlineUnsettled: boolean;
  /** Where its argv was when the command line was last read (parseStat's argvAddress). */
  argvAddress: number;
  /** Its schedstat, kept open while it may be skipped when it did not run (SchedstatGate). */
  runCount: RunCount | null;
  /** performance.now() by which its stat is read whole again, run or not. */
  wholeReadDueAt: number;
  /** The tick it was last skipped in, because it did not run. */
  skippedInTick: number;
}

/** A process with memory of its own reads an empty cmdline only for an instant inside exec. */
export function isUnsettled(cmdline: string[], f: StatFields): boolean {
  return cmdline.length === 0 && ownsMemory(f);
}
