// Keeps the process table fresh: samples on a timer (never overlapping) and tells listeners each tick.
import type { SystemSummary } from '../../shared/model/ProcessRecord';
import type { RowDiff } from '../model/diffRows';
import { ProcessTable } from '../model/ProcessTable';
import type { SamplerThread } from '../sampler/SamplerThread';

export interface Tick {
  diff: RowDiff;
  summary: SystemSummary;
  /** Time the worker spent sampling and diffing. */
  workerMs: number;
  /** From asking for the sample to having it applied on this thread. */
  totalMs: number;
}

export type TickListener = (tick: Tick) => void;

/** 10 Hz: a process of a lab run that lives 100 ms or more is seen at least once. */
export const FOCUS_INTERVAL_MS = 80;

export class LiveTable {
  readonly table = new ProcessTable();
  private readonly listeners = new Set<TickListener>();
  private readonly annotators: TickListener[] = [];
  private focus: (() => number[]) | null = null;
  private focusTimer: NodeJS.Timeout | null = null;
  private intervalMs: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastSampleAt = 0;
  private closed = false;

  constructor(private readonly thread: SamplerThread) {}

  /** Samples now (only `focus` pids and new ones, if given) and applies the result. */
  async refresh(focus?: number[]): Promise<Tick> {
    if (this.closed) throw new Error('the process table is closed (ProcLab is closing)');
    const started = performance.now();
    const reply = await this.thread.sample(focus);
    const tick = {
      diff: reply.diff,
      summary: reply.summary,
      workerMs: reply.workerMs,
      totalMs: performance.now() - started,
    };
    // Several callers may await the same reply: apply and announce it once.
    if (this.table.summary !== reply.summary) {
      this.table.apply(reply.diff, reply.summary);
      if (!focus) this.lastSampleAt = Date.now();
      for (const annotate of this.annotators) annotate(tick);
      for (const listener of this.listeners) listener(tick);
    }
    return tick;
  }

  /** A fresh enough table: sample only when the last one is older than maxAgeMs. */
  async ensureFresh(maxAgeMs: number): Promise<void> {
    if (!this.table.summary || Date.now() - this.lastSampleAt > maxAgeMs) await this.refresh();
  }

  /** ProcLab changed this process (reniced it): the next sample reads it again whether it ran or not. */
  markStale(pid: number): void {
    this.thread.markStale(pid);
  }

  /** Runs before every listener: it may add what it knows to the tick's events (exit codes). */
  addAnnotator(annotate: TickListener): void {
    this.annotators.push(annotate);
  }

  /**
   * While set, samples the pids it returns every FOCUS_INTERVAL_MS between full samples, so a
   * lab process living 100 ms is never missed; null stops.
   */
  setFocus(focus: (() => number[]) | null): void {
    this.focus = focus;
    if (focus && !this.focusTimer && !this.closed) this.scheduleFocus();
  }

  /**
   * Stops the focused sampling after one last look: the pids it followed that are gone by then are
   * sampled as exited at once, not at the next full sample (never, with no window subscribed).
   */
  endFocus(): void {
    if (!this.focus) return;
    this.focus = () => {
      this.focus = null;
      return [];
    };
  }

  private scheduleFocus(): void {
    this.focusTimer = setTimeout(() => {
      const focus = this.focus;
      if (!focus || this.closed) {
        this.focusTimer = null;
        return;
      }
      void this.refresh(focus())
        .catch((error: unknown) => this.closed || console.error('[proclab] focused sampling failed:', error))
        .finally(() => this.scheduleFocus());
    }, FOCUS_INTERVAL_MS);
  }

  onTick(listener: TickListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sample every intervalMs, or stop sampling with null. */
  setInterval(intervalMs: number | null): void {
    if (this.intervalMs === intervalMs) return;
    this.intervalMs = intervalMs;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (intervalMs !== null) this.schedule(0);
  }

  get currentIntervalMs(): number | null {
    return this.intervalMs;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.setInterval(null);
    this.focus = null;
    if (this.focusTimer) clearTimeout(this.focusTimer);
    await this.thread.close();
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.loop(), delayMs);
  }

  private async loop(): Promise<void> {
    const started = Date.now();
    try {
      await this.refresh();
    } catch (error) {
      if (!this.closed) console.error('[proclab] sampling failed:', error);
    }
    if (this.closed || this.intervalMs === null || !this.timer) return;
    this.schedule(Math.max(0, this.intervalMs - (Date.now() - started)));
  }
}
