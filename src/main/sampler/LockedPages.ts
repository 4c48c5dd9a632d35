// ps's L flag: whether a process has pages locked in memory (VmLck in /proc/PID/status, mlock(2)).
import { closeSync, openSync } from 'node:fs';
import { readWhole } from './KeptOpenFile';

/**
 * How often the VmLck of a process that ran is read again. status costs several stat reads
 * (the kernel composes some fifty lines), and a process locks or unlocks memory rarely.
 */
export const LOCKED_RECHECK_MS = 10_000;

/**
 * A process whose stat did not change at all since its last VmLck read has, most likely, not
 * run mlock(2) or munlock(2) since: it is read again only every IDLE_PERIODS periods (a minute).
 * Most processes of a machine are idle, so this is where the reads are saved.
 */
const IDLE_PERIODS = 6;

const VM_LCK = Buffer.from('\nVmLck:');
const SPACE = 0x20;
const TAB = 0x09;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * VmLck in kB from the bytes of /proc/PID/status (proc_pid_status(5)); 0 when the line is
 * absent, as for kernel threads and zombies, which have no memory of their own.
 */
export function parseLockedKb(bytes: Buffer, length: number): number {
  // Past `length` the buffer holds an earlier read: a match there is not in this file.
  const at = bytes.indexOf(VM_LCK);
  if (at < 0 || at + VM_LCK.length > length) return 0;
  let i = at + VM_LCK.length;
  while (i < length && (bytes[i] === SPACE || bytes[i] === TAB)) i += 1;
  let kb = 0;
  for (; i < length && bytes[i]! >= ZERO && bytes[i]! <= NINE; i += 1) kb = kb * 10 + bytes[i]! - ZERO;
  return kb;
}

/** What the sampler keeps per process: VmLck > 0 when last read, and when to read it again. */
export interface LockState {
  lockedPages: boolean;
  /** performance.now() times; the check is Infinity for processes that never lock (kernel threads). */
  lockedCheckAt: number;
  lockedReadAt: number;
  /** Set by the sampler when the process's stat bytes change: it ran since VmLck was read. */
  ranSinceLockedRead: boolean;
}

/**
 * Reads VmLck on a rotation: at first sight, then once per period while the process runs and
 * once every IDLE_PERIODS periods while it is idle, each process at its own time.
 */
export class LockedPages {
  private buffer: Buffer = Buffer.allocUnsafe(4096);

  constructor(
    private readonly procRoot: string,
    readonly recheckMs = LOCKED_RECHECK_MS,
  ) {}

  /** Whether the process has locked pages now; false once it is gone. */
  read(pid: number): boolean {
    let fd: number;
    try {
      fd = openSync(`${this.procRoot}/${pid}/status`, 'r');
    } catch {
      return false;
    }
    try {
      const length = readWhole(
        fd,
        () => this.buffer,
        (bigger) => (this.buffer = bigger),
      );
      return parseLockedKb(this.buffer, length) > 0;
    } catch {
      return false;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * At first sight. The next read is spread over one period by pid, so the thousands of
   * processes of the first sample are not all read again in the same tick.
   */
  firstRead(pid: number, lockable: boolean, now: number): LockState {
    const lockedCheckAt = lockable ? now + (this.recheckMs * ((pid % 64) + 1)) / 64 : Infinity;
    const lockedPages = lockable && this.read(pid);
    return { lockedPages, lockedCheckAt, lockedReadAt: now, ranSinceLockedRead: false };
  }

  /** The process did not run since it was last looked at (SchedstatGate): its VmLck cannot have changed. */
  postpone(state: LockState, now: number): void {
    if (now >= state.lockedCheckAt) state.lockedCheckAt = now + this.recheckMs;
  }

  /** Reads VmLck again once it is due (updating `state`); true when the L flag changed. */
  recheckIfDue(pid: number, state: LockState, now: number): boolean {
    if (now < state.lockedCheckAt) return false;
    state.lockedCheckAt = now + this.recheckMs;
    if (!state.ranSinceLockedRead && now - state.lockedReadAt < this.recheckMs * IDLE_PERIODS) return false;
    state.ranSinceLockedRead = false;
    state.lockedReadAt = now;
    const lockedPages = this.read(pid);
    if (lockedPages === state.lockedPages) return false;
    state.lockedPages = lockedPages;
    return true;
  }
}
