// The WebSocket envelope: request {id, method, params}; reply {id, ok, ...}; event {event, payload}.
import { z } from 'zod';
import type { ProcLabError } from './errors';

export const requestEnvelope = z
  .object({
    id: z.union([z.number().int(), z.string().max(64)]),
    method: z.string().max(64),
    params: z.unknown().optional(),
  })
  .strict();
export type RequestEnvelope = z.infer<typeof requestEnvelope>;

export type ReplyEnvelope =
  | { id: number | string | null; ok: true; value: unknown }
  | { id: number | string | null; ok: false; error: ProcLabError };

export interface EventEnvelope {
  event: string;
  payload: unknown;
}

/** Largest message a client may send; replies and events are not limited. */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

/**
 * The server's own close codes (RFC 6455 §7.4.2, private range). Besides these, `ws` closes with
 * 1002 (a broken frame), 1007 (text that is not UTF-8) and 1009 (a message over 1 MiB).
 */
export const CLOSE_CODES = {
  /** The client left more unread than the server holds for one client. */
  NOT_READING: 4008,
  /** The client sent more requests than the server queues while it answers earlier ones. */
  TOO_MANY_REQUESTS: 4029,
} as const;
