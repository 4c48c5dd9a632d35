// The processes that exited (or turned zombie) lately: their children were reparented without
// running, so a sampler that skips processes that did not run must read those children again.

export class GoneParents {
  private current = new Set<number>();
  private previous = new Set<number>();

  add(pid: number): void {
    this.current.add(pid);
  }

  get any(): boolean {
    return this.current.size > 0 || this.previous.size > 0;
  }

  /**
   * Gone this tick or the one before: a child read earlier in the tick its parent exited in
   * (before the kernel reparented it) is read again in the next one.
   */
  has(pid: number): boolean {
    return this.current.has(pid) || this.previous.has(pid);
  }

  /** After a tick that looked at every process; a focus tick keeps what it saw for the next full one. */
  endFullTick(): void {
    [this.previous, this.current] = [this.current, this.previous];
    this.current.clear();
  }
}
