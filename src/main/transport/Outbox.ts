// What one WebSocket client is sent: it knows when the client has stopped reading, and cuts it off past a bound.
import type { WebSocket } from 'ws';
import { CLOSE_CODES } from '../../shared/contract/wireMessages';
import type { ConnectionLimits } from './connectionLimits';

type OutboxLimits = Pick<ConnectionLimits, 'congestedBytes' | 'cutOffBytes' | 'closeGraceMs'>;

export class Outbox {
  private waiting: (() => void)[] = [];
  private dropTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: OutboxLimits,
  ) {
    ws.once('close', () => {
      if (this.dropTimer) clearTimeout(this.dropTimer);
      this.wake();
    });
  }

  /** The client has not taken what it was sent: live updates merge and replies wait meanwhile. */
  get congested(): boolean {
    return this.ws.bufferedAmount > this.limits.congestedBytes;
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  /** Sends one text message, unless it would take the unread bytes past the bound: then the client is cut off. */
  send(text: string): void {
    if (!this.open) return;
    if (this.ws.bufferedAmount + Buffer.byteLength(text) > this.limits.cutOffBytes) {
      this.cutOff(CLOSE_CODES.NOT_READING, `not reading: over ${this.limits.cutOffBytes} bytes waiting`);
      return;
    }
    // The callback runs once this message has left for the kernel: room may have opened.
    this.ws.send(text, () => {
      if (!this.congested) this.wake();
    });
  }

  /** Resolves once the client has taken enough to be sent more, or has gone. */
  async room(): Promise<void> {
    // All waiters wake together; the first to send may congest the client again for the rest.
    while (this.open && this.congested) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Closes with a code and reason; a client that does not read will not read those either, so it is dropped soon after. */
  cutOff(code: number, reason: string): void {
    if (!this.open) return;
    this.ws.close(code, reason);
    this.dropTimer = setTimeout(() => this.ws.terminate(), this.limits.closeGraceMs);
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
