// Turns the fields of /proc/PID/stat, with what the sampler read beside them, into the neutral
// process record, with times and CPU shares computed once, the same way for every process.
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import { ownsMemory, type StatFields } from './parseStat';
import { readKernelConstants, startTicksToEpochMs, type KernelConstants } from './readKernelConstants';
import { round1, toProcessRecord } from './toProcessRecord';
import { UserNames } from './UserNames';

/** What every record of one tick shares. */
export interface RecordContext {
  /** performance.now() at the start of the tick. */
  now: number;
  takenAt: number;
  bootTimeMs: number;
  memTotalBytes: number;
}

export class RecordBuilder {
  private readonly constants: KernelConstants = readKernelConstants();
  private readonly users = new UserNames();
  private readonly euid = process.geteuid?.() ?? -1;

  build(
    f: StatFields,
    uid: number,
    cmdline: string[],
    cpuPercent: number,
    lockedOnRead: boolean,
    context: RecordContext,
  ): ProcessRecord {
    const startTime = this.startTimeMs(f, context);
    const user = this.users.nameOf(uid);
    const { memTotalBytes } = context;
    // A zombie has released its memory: ps shows no L on it even if it was locked.
    const lockedPages = lockedOnRead && ownsMemory(f);
    // The kernel writes 0 in place of a zombie's exit status for a reader without ptrace read
    // access: trusted for our own user's processes (a zombie has no memory, so no dumpable
    // check), or all of them as root.
    const exitStatusVisible = this.euid === 0 || uid === this.euid;
    const inputs = { uid, user, cmdline, cpuPercent, startTime, memTotalBytes, lockedPages, exitStatusVisible };
    return toProcessRecord(f, inputs, this.constants);
  }

  startTimeMs(f: StatFields, context: RecordContext): number {
    return startTicksToEpochMs(context.bootTimeMs, f.startTicks, this.constants.clockTicks);
  }

  /** CPU ticks used over some seconds as % of one core (100 = one whole core). */
  ticksToPercent(ticks: number, seconds: number): number {
    return round1((ticks / this.constants.clockTicks / seconds) * 100);
  }
}
