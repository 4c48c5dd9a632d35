// Live-update subscriptions: each has its own interval and pause, and belongs to one connection.
import { randomUUID } from 'node:crypto';
import type { ProcessDelta } from '../../shared/model/ProcessDelta';
import { DeltaAccumulator } from './DeltaAccumulator';
import type { LiveTable, Tick } from './LiveTable';

export interface DeltaSink {
  send(subscriptionId: string, delta: ProcessDelta): void;
  /** The receiver has not taken earlier updates yet: hold and merge instead of sending more. */
  isCongested(): boolean;
}

interface Subscription {
  id: string;
  ownerId: string;
  intervalMs: number;
  paused: boolean;
  /** Deliver at the next tick whatever the interval (after a resume). */
  dueNow: boolean;
  pending: DeltaAccumulator;
  lastSentAt: number;
  seq: number;
  sink: DeltaSink;
}

/** A tick arriving this early still counts as on time, so a 1 s subscriber is not pushed to 2 s. */
const TIMING_SLACK_MS = 50;

export class SubscriptionHub {
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(private readonly live: LiveTable) {
    live.onTick((tick) => this.onTick(tick));
  }

  add(ownerId: string, intervalMs: number, sink: DeltaSink): string {
    const id = randomUUID();
    this.subscriptions.set(id, {
      id,
      ownerId,
      intervalMs,
      paused: false,
      dueNow: false,
      pending: new DeltaAccumulator(),
      lastSentAt: Date.now(),
      seq: 0,
      sink,
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
    if (!paused) sub.pending.sendWholeTable();
    sub.dueNow = !paused;
    this.retime();
  }

  get size(): number {
    return this.subscriptions.size;
  }

  private onTick(tick: Tick): void {
    const now = Date.now();
    const tableSize = this.live.table.byPid.size;
    for (const sub of this.subscriptions.values()) {
      if (sub.paused) continue;
      sub.pending.add(tick.diff, tick.summary);
      // Held back so long that its changes outgrew the table: the table itself is the smaller update.
      if (sub.pending.changedRows > tableSize) sub.pending.sendWholeTable();
      const due = sub.dueNow || now - sub.lastSentAt + TIMING_SLACK_MS >= sub.intervalMs;
      // A receiver that has not read the last updates gets the next one, merged, once it has.
      if (due && !sub.sink.isCongested()) this.deliver(sub, now);
    }
  }

  private deliver(sub: Subscription, now: number): void {
    sub.lastSentAt = now;
    sub.dueNow = false;
    sub.seq += 1;
    const delta = sub.pending.take(sub.seq);
    if (!delta.reset) sub.sink.send(sub.id, delta);
    else sub.sink.send(sub.id, { ...delta, removed: [], upserts: this.live.table.snapshot().rows });
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
