// The one boundary both transports call: validates a request, runs it, and always answers a Result.
import { ProcLabFailure, fail, ok, type Result } from '../../shared/contract/errors';
import { methodParams } from '../../shared/contract/methods';
import { METHOD_NAMES, type MethodName } from '../../shared/contract/names';
import type { Connection, MethodHandlers } from './ProcLabService';

export interface DispatchTarget {
  handlers: MethodHandlers;
  register(connection: Connection): void;
  /** Drops what a connection holds; called again when a call ends after its connection closed. */
  disconnect(connection: Connection): void;
}

const KNOWN_METHODS = new Set<string>(METHOD_NAMES);
/** Error messages quote what the client sent: never more than this much of it. */
const MAX_ERROR_MESSAGE_CHARS = 300;

function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && KNOWN_METHODS.has(name);
}

export type Dispatch = (method: unknown, params: unknown, connection: Connection) => Promise<Result<unknown>>;

export function createDispatch(target: DispatchTarget): Dispatch {
  return async (method, params, connection) => {
    try {
      target.register(connection);
      if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `unknown method ${describe(method)}`);
      return await call(target.handlers, method, params, connection);
    } catch (error) {
      // Stacks stay in the main process log; the client gets a code and a sentence.
      const name = isMethodName(method) ? method : describe(method);
      console.error(`[proclab] ${name} failed:`, error);
      return fail('INTERNAL', bounded(`${name} failed: ${error instanceof Error ? error.message : String(error)}`));
    } finally {
      // The window or socket closed while the call ran: undo what it may have added (a subscription).
      if (connection.closed) target.disconnect(connection);
    }
  };
}

async function call(
  handlers: MethodHandlers,
  method: MethodName,
  params: unknown,
  connection: Connection,
): Promise<Result<unknown>> {
  const parsed = methodParams[method].safeParse(params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
    return fail('INVALID_ARGUMENT', bounded(`${method}: ${where}${issue?.message ?? 'invalid parameters'}`));
  }
  try {
    const handler = handlers[method] as (p: unknown, c: Connection) => Promise<unknown>;
    return ok(await handler(parsed.data, connection));
  } catch (error) {
    if (error instanceof ProcLabFailure) return fail(error.code, bounded(error.message), error.details);
    throw error;
  }
}

/** A method name as the client sent it, short and printable whatever its type. */
function describe(method: unknown): string {
  return typeof method === 'string' ? JSON.stringify(method.slice(0, 64)) : `of type ${typeof method}`;
}

function bounded(message: string): string {
  return message.length <= MAX_ERROR_MESSAGE_CHARS ? message : `${message.slice(0, MAX_ERROR_MESSAGE_CHARS - 1)}…`;
}
