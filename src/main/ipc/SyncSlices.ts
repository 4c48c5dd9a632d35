// Lets a scan read /proc with synchronous calls (a quarter of the CPU of promise-based ones) on
// the main thread, while giving the event loop back after every slice of work.

/** About a millisecond of reads on an idle machine. */
const READS_PER_SLICE = 200;

export class SyncSlices {
  private spent = 0;

  /** Counts `reads` done; once a slice is used up, waits for the event loop to run once. */
  async spend(reads = 1): Promise<void> {
    this.spent += reads;
    if (this.spent < READS_PER_SLICE) return;
    this.spent = 0;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
