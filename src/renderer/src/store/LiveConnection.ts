// Keeps one live subscription going into a ProcessStore: resubscribes after reconnects, and
// carries the refresh interval and pause to the main process.
import { DEFAULT_INTERVAL_MS } from '../../../shared/contract/limits';
import type { ConnectionState } from '../client/ConnectionState';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { markUpdateReceived } from '../perfMarks';
import type { ProcessStore } from './ProcessStore';

export interface LiveStatus {
  connection: ConnectionState;
  intervalMs: number;
  paused: boolean;
  error: string | null;
}

export class LiveConnection {
  private subscriptionId: string | null = null;
  private status: LiveStatus;
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly client: ReconnectingClient,
    private readonly store: ProcessStore,
    intervalMs = DEFAULT_INTERVAL_MS,
  ) {
    this.status = { connection: client.state, intervalMs, paused: false, error: null };
  }

  start(): void {
    this.stops.push(
      this.client.on('update', ({ subscriptionId, delta }) => {
        if (subscriptionId !== this.subscriptionId) return;
        markUpdateReceived();
        this.store.applyDelta(delta);
      }),
      this.client.on('signalSent', (report) => this.store.addSignalReport(report)),
      this.client.onStateChange((connection) => {
        this.subscriptionId = null;
        this.update({ connection });
        if (connection === 'open') void this.subscribe();
      }),
    );
    // The socket may have opened before anyone listened.
    this.update({ connection: this.client.state });
    if (this.client.state === 'open') void this.subscribe();
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
    if (this.subscriptionId) void this.client.call('unsubscribe', { subscriptionId: this.subscriptionId });
    this.subscriptionId = null;
  }

  readonly subscribeStatus = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getStatus = (): LiveStatus => this.status;

  async setInterval(intervalMs: number): Promise<void> {
    this.update({ intervalMs });
    if (this.subscriptionId)
      this.report(await this.client.call('setRefreshInterval', { subscriptionId: this.subscriptionId, intervalMs }));
  }

  async setPaused(paused: boolean): Promise<void> {
    this.update({ paused });
    if (this.subscriptionId)
      this.report(await this.client.call('setPaused', { subscriptionId: this.subscriptionId, paused }));
  }

  private async subscribe(): Promise<void> {
    const result = await this.client.call('subscribe', { intervalMs: this.status.intervalMs });
    if (!this.report(result)) return;
    this.subscriptionId = result.value.subscriptionId;
    this.store.loadSnapshot(result.value.snapshot);
    if (this.status.paused) await this.setPaused(true);
  }

  private report<R extends { ok: boolean; error?: { message: string } }>(result: R): result is R & { ok: true } {
    this.update({ error: result.ok ? null : (result.error?.message ?? 'unknown error') });
    return result.ok;
  }

  private update(change: Partial<LiveStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener();
  }
}
