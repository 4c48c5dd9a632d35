// The sampler's stat reads: each into one shared buffer, and the cap on the /proc files kept open
// between ticks (one per process: its stat, or its schedstat for the gate).
import { closeSync, fstatSync, openSync } from 'node:fs';
import { readWhole } from './KeptOpenFile';
import type { ProcessEntry } from './ProcessEntry';

export class StatFiles {
  /** The bytes of the last read, valid until the next one (which may grow it). */
  buffer: Buffer = Buffer.allocUnsafe(1024);
  private keptOpen = 0;

  constructor(
    private readonly procRoot: string,
    private readonly maxKeptOpen: number,
  ) {}

  /** Whether one more file may stay open. */
  get hasRoom(): boolean {
    return this.keptOpen < this.maxKeptOpen;
  }

  /** Counts a file another reader keeps open (a schedstat) against the cap. */
  counted(): void {
    this.keptOpen += 1;
  }

  /** A new process's stat: read into `buffer`, with its owner (as procps) and its fd, still open. */
  openNew(pid: number): { fd: number; uid: number; length: number } | null {
    let fd: number | null = null;
    try {
      fd = openSync(`${this.procRoot}/${pid}/stat`, 'r');
      return { fd, uid: fstatSync(fd).uid, length: this.read(fd) };
    } catch {
      // Vanished between readdir and open: normal, not an error.
      if (fd !== null) closeSync(fd);
      return null;
    }
  }

  /** Keeps a stat fd open for the next ticks if wanted and the cap allows; else closes it. */
  keep(fd: number, wanted = true): number | null {
    if (!wanted || !this.hasRoom) {
      closeSync(fd);
      return null;
    }
    this.keptOpen += 1;
    return fd;
  }

  /** Closes a file counted against the cap. */
  close(fd: number): void {
    closeSync(fd);
    this.keptOpen -= 1;
  }

  /** Reads the entry's stat into `buffer`; returns its length, or -1 once the process is gone. */
  readEntry(entry: ProcessEntry): number {
    if (entry.fd !== null) {
      try {
        return this.read(entry.fd);
      } catch {
        return -1;
      }
    }
    let fd: number;
    try {
      fd = openSync(`${this.procRoot}/${entry.record.pid}/stat`, 'r');
    } catch {
      return -1;
    }
    try {
      const length = this.read(fd);
      // A process the gate no longer skips (it gained a thread or a terminal) keeps its stat instead.
      entry.fd = this.keep(fd, !entry.runCount);
      return length;
    } catch {
      closeSync(fd);
      return -1;
    }
  }

  private read(fd: number): number {
    return readWhole(
      fd,
      () => this.buffer,
      (bigger) => (this.buffer = bigger),
    );
  }
}
