// How much one WebSocket client can make the server hold, and how many clients it serves.

export interface ConnectionLimits {
  /** Bytes sent but not yet taken by the client above which it counts as congested: updates merge, replies wait. */
  congestedBytes: number;
  /** Bytes waiting past which the client is cut off (close 4008). */
  cutOffBytes: number;
  /** Calls of one client worked on (or waiting to be sent) at once; later requests queue. */
  maxCallsInFlight: number;
  /** Request bytes one client may have queued behind those; past it, it is cut off (close 4029). */
  maxQueuedRequestBytes: number;
  /** How long a cut-off client has to read its close frame before its TCP connection is dropped. */
  closeGraceMs: number;
  /** WebSocket clients at once; more are refused with HTTP 503. */
  maxClients: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  // A full snapshot of 5,000 processes is about 3 MiB: a reading client never waits long here.
  congestedBytes: 1 * MiB,
  // Only events (lab output, signal reports) can go past the congested mark; updates and replies wait.
  cutOffBytes: 64 * MiB,
  maxCallsInFlight: 16,
  maxQueuedRequestBytes: 4 * MiB,
  closeGraceMs: 2_000,
  maxClients: 32,
};
