// One WebSocket client: its requests in and its replies and events out, within the limits of one connection.
import { randomUUID } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import type { EventEnvelope, ReplyEnvelope } from '../../shared/contract/wireMessages';
import { CLOSE_CODES, MAX_CLIENT_MESSAGE_BYTES, requestEnvelope } from '../../shared/contract/wireMessages';
import type { Dispatch } from '../service/dispatch';
import type { Connection } from '../service/ProcLabService';
import type { ConnectionLimits } from './connectionLimits';
import { Outbox } from './Outbox';
import { RequestQueue } from './RequestQueue';

export interface ConnectionHandlers {
  dispatch: Dispatch;
  onDisconnect: (connection: Connection) => void;
}

export function serveConnection(ws: WebSocket, handlers: ConnectionHandlers, limits: ConnectionLimits): void {
  const outbox = new Outbox(ws, limits);
  const connection: Connection = {
    id: `ws:${randomUUID()}`,
    emit: (event, payload) => {
      const text = eventText({ event, payload });
      if (text !== null) outbox.send(text);
    },
    get closed() {
      return !outbox.open;
    },
    get congested() {
      return outbox.congested;
    },
  };
  const answer = async (data: RawData, isBinary: boolean) => {
    const reply = await replyTo(data, isBinary, connection, handlers.dispatch);
    // Turned into text only once the client has room for it: until then a reply is a few references.
    await outbox.room();
    outbox.send(replyText(reply));
  };
  const requests = new RequestQueue(ws, outbox, limits, answer, (reason) =>
    outbox.cutOff(CLOSE_CODES.TOO_MANY_REQUESTS, reason),
  );
  ws.on('message', (data: RawData, isBinary: boolean) => requests.push(data, isBinary));
  ws.on('close', () => handlers.onDisconnect(connection));
  // Broken frames, bad UTF-8 and oversize messages: ws has sent its close code; drop the socket.
  ws.on('error', () => ws.terminate());
}

/** The reply to one message; never throws, whatever the message holds. */
async function replyTo(
  data: RawData,
  isBinary: boolean,
  connection: Connection,
  dispatch: Dispatch,
): Promise<ReplyEnvelope> {
  const invalid = (message: string, id: number | string | null = null): ReplyEnvelope => ({
    id,
    ok: false,
    error: { code: 'INVALID_MESSAGE', message },
  });
  if (isBinary) return invalid('binary messages are not accepted; send JSON text');
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  if (bytes.length > MAX_CLIENT_MESSAGE_BYTES)
    return invalid(`message too large (${bytes.length} > ${MAX_CLIENT_MESSAGE_BYTES} bytes)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return invalid('message is not valid JSON');
  }
  const envelope = requestEnvelope.safeParse(parsed);
  if (!envelope.success) {
    const id = typeof parsed === 'object' && parsed !== null && 'id' in parsed ? parsed.id : null;
    const safeId = typeof id === 'number' || (typeof id === 'string' && id.length <= 64) ? id : null;
    return invalid('expected {"id": number|string, "method": string, "params"?: object}', safeId);
  }
  const { id, method, params } = envelope.data;
  return { id, ...(await dispatch(method, params, connection)) };
}

function replyText(reply: ReplyEnvelope): string {
  try {
    return JSON.stringify(reply);
  } catch (error) {
    console.error('[proclab] a reply could not be encoded:', error);
    const message = 'the reply could not be encoded as JSON';
    return JSON.stringify({ id: reply.id, ok: false, error: { code: 'INTERNAL', message } } satisfies ReplyEnvelope);
  }
}

function eventText(envelope: EventEnvelope): string | null {
  try {
    return JSON.stringify(envelope);
  } catch (error) {
    console.error(`[proclab] a ${envelope.event} event could not be encoded:`, error);
    return null;
  }
}
