// One client's requests: taken only while the client takes its replies, a few at once, the rest
// queued within a bound with the socket unread, so a client that floods fills its own buffers, not ours.
import type { RawData, WebSocket } from 'ws';
import type { ConnectionLimits } from './connectionLimits';
import type { Outbox } from './Outbox';

interface QueuedRequest {
  data: RawData;
  isBinary: boolean;
  bytes: number;
}

type QueueLimits = Pick<ConnectionLimits, 'maxCallsInFlight' | 'maxQueuedRequestBytes'>;

/** Answers one request; it must settle (it may wait until the reply can be sent). */
export type Answer = (data: RawData, isBinary: boolean) => Promise<void>;

export class RequestQueue {
  private queue: QueuedRequest[] = [];
  private queuedBytes = 0;
  private inFlight = 0;
  private waitingForRoom = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly outbox: Outbox,
    private readonly limits: QueueLimits,
    private readonly answer: Answer,
    private readonly onOverflow: (reason: string) => void,
  ) {
    ws.once('close', () => this.pump());
  }

  push(data: RawData, isBinary: boolean): void {
    const bytes = byteLengthOf(data);
    if (this.queuedBytes + bytes > this.limits.maxQueuedRequestBytes) {
      this.onOverflow(`too many requests: over ${this.limits.maxQueuedRequestBytes} bytes queued`);
      return;
    }
    this.queue.push({ data, isBinary, bytes });
    this.queuedBytes += bytes;
    this.pump();
  }

  private pump(): void {
    // Closing (cut off, or the client said goodbye): what is still queued will not be answered.
    if (this.ws.readyState !== this.ws.OPEN) {
      this.queue = [];
      this.queuedBytes = 0;
      return;
    }
    // A client that has not read its last replies gets no new call started: a started call
    // would hold its result (a snapshot pins a whole version of the table) until it reads.
    while (this.inFlight < this.limits.maxCallsInFlight && this.queue.length > 0 && !this.outbox.congested) {
      this.start(this.queue.shift()!);
    }
    if (this.queue.length > 0 && this.outbox.congested && !this.waitingForRoom) {
      this.waitingForRoom = true;
      void this.outbox.room().then(() => {
        this.waitingForRoom = false;
        this.pump();
      });
    }
    // ws may still hand over the rest of a chunk it already read; those wait in the queue.
    if (this.queue.length > 0 || this.inFlight >= this.limits.maxCallsInFlight) this.ws.pause();
    else this.ws.resume();
  }

  private start(request: QueuedRequest): void {
    this.queuedBytes -= request.bytes;
    this.inFlight += 1;
    const done = () => {
      this.inFlight -= 1;
      this.pump();
    };
    this.answer(request.data, request.isBinary).then(done, (error: unknown) => {
      console.error('[proclab] a request could not be answered:', error);
      done();
    });
  }
}

function byteLengthOf(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data.byteLength;
}
