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
