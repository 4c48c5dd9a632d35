// The stat bytes a process showed at its last parse: an idle process shows the same bytes again,
// and is skipped without decoding or parsing them.

/**
 * Room to change in place: a process's numbers grow by a digit now and then. Copying into the same
 * bytes keeps thousands of copies where they were first allocated, densely in Node's buffer pool;
 * a fresh copy per change left each old one pinning an 8 KiB pool slab (7 MiB of the sampler's
 * memory at 5,000 processes, and growing).
 */
const ROOM = 32;

export class StatBytes {
  private bytes: Buffer;
  private length: number;

  /** Keeps the first `length` bytes of `source` (the sampler's shared read buffer). */
  constructor(source: Buffer, length: number) {
    this.bytes = Buffer.allocUnsafe(length + ROOM);
    this.length = 0;
    this.keep(source, length);
  }

  equals(source: Buffer, length: number): boolean {
    return length === this.length && source.compare(this.bytes, 0, length, 0, length) === 0;
  }

  keep(source: Buffer, length: number): void {
    if (length > this.bytes.length) this.bytes = Buffer.allocUnsafe(length + ROOM);
    source.copy(this.bytes, 0, 0, length);
    this.length = length;
  }

  toString(): string {
    return this.bytes.toString('utf8', 0, this.length);
  }
}
