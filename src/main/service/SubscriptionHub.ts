// Live-update subscriptions: each has its own interval and pause, and belongs to one connection.
import { randomUUID } from 'node:crypto';
import type { ProcessDelta } from '../../shared/model/ProcessDelta';
import { DeltaAccumulator } from './DeltaAccumulator';
import type { LiveTable, Tick } from './LiveTable';

export type DeltaSink = (subscriptionId: string, delta: ProcessDelta) => void;

interface Subscription {
  id: string;
  ownerId: string;
  intervalMs: number;
  paused: boolean;
  /** The next delivery must carry the whole table (after a pause). */
  needsReset: boolean;
  pending: DeltaAccumulator;
  lastSentAt: number;
  seq: number;
  send: DeltaSink;
}

/** A tick arriving this early still counts as on time, so a 1 s subscriber is not pushed to 2 s. */
const TIMING_SLACK_MS = 50;

export class SubscriptionHub {
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(private readonly live: LiveTable) {
    live.onTick((tick) => this.onTick(tick));
  }

  add(ownerId: string, intervalMs: number, send: DeltaSink): string {
    const id = randomUUID();
    this.subscriptions.set(id, {
      id,
      ownerId,
      intervalMs,
      paused: false,
      needsReset: false,
      pending: new DeltaAccumulator(),
      lastSentAt: Date.now(),
      seq: 0,
      send,
    });
    this.retime();
    return id;
  }

  has(id: string, ownerId: string): boolean {
    return this.subscriptions.get(id)?.ownerId === ownerId;
  }

  remove(id: string): void {
    this.subscriptions.delete(id);
    this.retime();
  }

  /** Drops every subscription of a closed window or socket. */
  removeOwner(ownerId: string): void {
    for (const sub of this.subscriptions.values()) if (sub.ownerId === ownerId) this.subscriptions.delete(sub.id);
    this.retime();
  }

  setInterval(id: string, intervalMs: number): void {
    const sub = this.subscriptions.get(id);
    if (sub) sub.intervalMs = intervalMs;
    this.retime();
  }

  setPaused(id: string, paused: boolean): void {
    const sub = this.subscriptions.get(id);
    if (!sub || sub.paused === paused) return;
    sub.paused = paused;
    // While paused nothing accumulates; on resume the subscriber gets the whole table again.
    sub.pending = new DeltaAccumulator();
    sub.needsReset = !paused;
    this.retime();
  }

  get size(): number {
    return this.subscriptions.size;
  }

  private onTick(tick: Tick): void {
    const now = Date.now();
    for (const sub of this.subscriptions.values()) {
      if (sub.paused) continue;
      sub.pending.add(tick.diff, tick.summary);
      if (now - sub.lastSentAt + TIMING_SLACK_MS < sub.intervalMs && !sub.needsReset) continue;
      sub.lastSentAt = now;
      sub.seq += 1;
      const delta = sub.pending.take(sub.seq);
      if (sub.needsReset) {
        sub.needsReset = false;
        const snapshot = this.live.table.snapshot();
        sub.send(sub.id, { ...delta, reset: true, removed: [], upserts: snapshot.rows });
      } else {
        sub.send(sub.id, delta);
      }
    }
  }

  /** The sampler runs as fast as the fastest active subscriber, and not at all without one. */
  private retime(): void {
    let fastest: number | null = null;
    for (const sub of this.subscriptions.values()) {
      if (!sub.paused && (fastest === null || sub.intervalMs < fastest)) fastest = sub.intervalMs;
    }
    this.live.setInterval(fastest);
  }
}
