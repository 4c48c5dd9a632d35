// Whether a sample must list /proc to find new processes. Listing it costs a third of a tick at
// 5,000 processes, and a process can only be new if a pid was handed out since the last listing.
import { statfsSync } from 'node:fs';

/** statfs(2)'s f_type of procfs. */
const PROC_SUPER_MAGIC = 0x9fa0;
/** Listed at least this often whatever loadavg says: a wrong last pid costs seconds, not processes. */
export const LIST_AT_LEAST_EVERY = 10;

/**
 * The last field of the kernel's /proc/loadavg is the pid handed out last in this pid namespace.
 * It is trusted only where the file is the kernel's own (LXCFS serves a copy over FUSE whose last
 * pid is the container's highest, refreshed every 5 s) and once it has been seen to move (emulated
 * kernels print a constant).
 */
export class NewPidWatch {
  private readonly kernelFile: boolean;
  private seenMoving = false;
  private listedAt = NaN;
  private samplesSinceListing = 0;

  constructor(loadavgPath: string) {
    this.kernelFile = isProcfs(loadavgPath);
  }

  /** Whether this sample lists /proc, given loadavg's last pid read before the listing would be. */
  mustList(lastPid: number): boolean {
    const trusted = this.kernelFile && this.seenMoving && lastPid === this.listedAt;
    return !trusted || this.samplesSinceListing + 1 >= LIST_AT_LEAST_EVERY;
  }

  /** Called once per sample, with whether it listed and the last pid read before it did. */
  sampled(listed: boolean, lastPid: number): void {
    if (!listed) {
      this.samplesSinceListing += 1;
      return;
    }
    if (!Number.isNaN(this.listedAt) && lastPid !== this.listedAt) this.seenMoving = true;
    this.listedAt = lastPid;
    this.samplesSinceListing = 0;
  }
}

function isProcfs(path: string): boolean {
  try {
    return statfsSync(path).type === PROC_SUPER_MAGIC;
  } catch {
    return false;
  }
}
