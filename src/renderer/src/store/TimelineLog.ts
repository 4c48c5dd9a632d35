// The timeline's bounded history, kept in time order: an entry that arrives late (a signal report
// comes after the watching second; a slow subscriber's delta carries older ticks) goes to its place.

/** Given the log, which entries it keeps longest (a lab run's, while the machine floods the rest). */
export type KeptEntries<T> = (entries: readonly T[]) => (entry: T) => boolean;

export class TimelineLog<T extends { at: number }> {
  private items: T[] = [];
  private snapshot: readonly T[] = [];
  private snapshotVersion = 0;
  /** Increases with every change, so views recompute only when the timeline changed. */
  version = 0;
  /** Asked only when the log is full; the others are dropped first. */
  keep: KeptEntries<T> | null = null;

  /** At most `capacity` entries, of which at most `keptCapacity` kept ones (so they cannot crowd out the rest). */
  constructor(
    readonly capacity: number,
    readonly keptCapacity = capacity,
  ) {
    if (keptCapacity > capacity) throw new RangeError('keptCapacity cannot exceed capacity');
  }

  add(entries: Iterable<T>): void {
    let added = false;
    for (const entry of entries) {
      this.insert(entry);
      added = true;
    }
    if (!added) return;
    if (this.items.length > this.capacity) this.trim();
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

  /**
   * The oldest go first, the others before the kept ones: kept entries go only past their own bound.
   * One pass per batch, so trimming stays cheap at any capacity.
   */
  private trim(): void {
    const excess = this.items.length - this.capacity;
    const isKept = this.keep?.(this.items);
    if (!isKept) {
      this.items.splice(0, excess);
      return;
    }
    const kept = this.items.map((entry) => isKept(entry));
    let keptToDrop = Math.max(0, kept.filter(Boolean).length - this.keptCapacity);
    // Never more than there are: what stays of the kept ones fits in the capacity.
    let othersToDrop = Math.max(0, excess - keptToDrop);
    // Oldest first: each entry goes while its side still has some to drop.
    this.items = this.items.filter((_, index) => !(kept[index] ? keptToDrop-- > 0 : othersToDrop-- > 0));
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
