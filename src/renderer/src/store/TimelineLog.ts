// The timeline's bounded history, kept in time order: an entry that arrives late (a signal report
// comes after the watching second; a slow subscriber's delta carries older ticks) goes to its place.

export class TimelineLog<T extends { at: number }> {
  private items: T[] = [];
  private snapshot: readonly T[] = [];
  private snapshotVersion = 0;
  /** Increases with every change, so views recompute only when the timeline changed. */
  version = 0;

  constructor(readonly capacity: number) {}

  add(entries: Iterable<T>): void {
    let added = false;
    for (const entry of entries) {
      this.insert(entry);
      added = true;
    }
    if (!added) return;
    // The oldest go first; one splice per batch, so trimming stays cheap at any capacity.
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
    this.version += 1;
  }

  /** Oldest first; the same array until the next change. */
  entries(): readonly T[] {
    if (this.snapshotVersion !== this.version) {
      this.snapshot = this.items.slice();
      this.snapshotVersion = this.version;
    }
    return this.snapshot;
  }

  get size(): number {
    return this.items.length;
  }

  /** After every entry at the same time or earlier: equal times keep their arrival order. */
  private insert(entry: T): void {
    const items = this.items;
    if (items.length === 0 || items[items.length - 1]!.at <= entry.at) {
      items.push(entry);
      return;
    }
    let low = 0;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (items[middle]!.at <= entry.at) low = middle + 1;
      else high = middle;
    }
    items.splice(low, 0, entry);
  }
}
