// Whether a process ran since it was last looked at, from /proc/PID/schedstat (proc(5): time on a
// CPU in ns, time waiting, times run). The kernel prints those three numbers for a fraction of what
// /proc/PID/stat costs, so the stat of a process that slept through the tick need not be read.
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * What can change in /proc/PID/stat while a process does not run: its parent (when the parent
 * exits: the sampler reads the children again then), its nice (renice from elsewhere; ProcLab's
 * own renice asks for a read), its RSS (pages reclaimed), the foreground group of its terminal,
 * and, for a multithreaded process, everything its other threads do. So only single-threaded
 * processes without a terminal pass the gate, and each is still read whole this often.
 */
export const IDLE_REREAD_MS = 5_000;

/** The processes the gate may skip (see above): one thread, no terminal. */
export function mayBeSkipped(threads: number, hasTerminal: boolean): boolean {
  return threads === 1 && !hasTerminal;
}

export interface RunCount {
  fd: number;
  /** Time on a CPU (ns) and times scheduled, at the last look. */
  ranNs: number;
  runs: number;
}

const SPACE = 0x20;
const ZERO = 0x30;
const NINE = 0x39;

export class SchedstatGate {
  /** False where schedstat is missing or shows nothing (sched_info off): every stat is read. */
  readonly enabled: boolean;
  private readonly buffer = Buffer.allocUnsafe(128);
  private ranNs = 0;
  private runs = 0;

  constructor(private readonly procRoot: string) {
    // This process has run: a schedstat that says it never did is not kept by this kernel.
    const own = this.open('self');
    this.enabled = own !== null && own.runs > 0;
    if (own) closeSync(own.fd);
  }

  /** Opens and reads the process's schedstat; call it before reading its stat, so no run falls between. */
  open(pid: number | 'self'): RunCount | null {
    if (pid !== 'self' && !this.enabled) return null;
    let fd: number;
    try {
      fd = openSync(`${this.procRoot}/${pid}/schedstat`, 'r');
    } catch {
      return null;
    }
    if (this.read(fd)) return { fd, ranNs: this.ranNs, runs: this.runs };
    closeSync(fd);
    return null;
  }

  /** True when the process ran since the last look, or cannot be looked at (gone); remembers this look. */
  ran(count: RunCount): boolean {
    if (!this.read(count.fd)) return true;
    const same = this.ranNs === count.ranNs && this.runs === count.runs;
    count.ranNs = this.ranNs;
    count.runs = this.runs;
    return !same;
  }

  /** Parses "<ns on CPU> <ns waiting> <times run>\n" into ranNs and runs, without allocating. */
  private read(fd: number): boolean {
    let length: number;
    try {
      length = readSync(fd, this.buffer, 0, this.buffer.length, 0);
    } catch {
      return false;
    }
    let ranNs = 0;
    let runs = 0;
    let field = 0;
    for (let i = 0; i < length; i += 1) {
      const byte = this.buffer[i]!;
      if (byte === SPACE) field += 1;
      else if (byte < ZERO || byte > NINE) break;
      else if (field === 0) ranNs = ranNs * 10 + byte - ZERO;
      else if (field === 2) runs = runs * 10 + byte - ZERO;
    }
    if (field !== 2) return false;
    this.ranNs = ranNs;
    this.runs = runs;
    return true;
  }
}
