// The exit statuses of the lab's own children, which only their parent (the lab) can know;
// bounded, oldest forgotten first.

export interface ExitStatus {
  code: number | null;
  signal: string | null;
}

export class ExitLog {
  private readonly exits = new Map<string, ExitStatus>();

  constructor(private readonly capacity = 1_000) {}

  record(pid: number, startTime: number, status: ExitStatus): void {
    this.exits.set(`${pid}:${startTime}`, status);
    if (this.exits.size > this.capacity) this.exits.delete(this.exits.keys().next().value!);
  }

  of(pid: number, startTime: number): ExitStatus | undefined {
    return this.exits.get(`${pid}:${startTime}`);
  }
}
