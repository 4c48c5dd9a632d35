// The one boundary both transports call: validates a request, runs it, and always answers a Result.
import { ProcLabFailure, fail, ok, type Result } from '../../shared/contract/errors';
import { methodParams } from '../../shared/contract/methods';
import { METHOD_NAMES, type MethodName } from '../../shared/contract/names';
import type { Connection, MethodHandlers } from './ProcLabService';

export interface DispatchTarget {
  handlers: MethodHandlers;
  register(connection: Connection): void;
}

const KNOWN_METHODS = new Set<string>(METHOD_NAMES);

function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && KNOWN_METHODS.has(name);
}

export type Dispatch = (method: unknown, params: unknown, connection: Connection) => Promise<Result<unknown>>;

export function createDispatch(target: DispatchTarget): Dispatch {
  const handlers = target.handlers;
  return async (method, params, connection) => {
    target.register(connection);
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `unknown method ${JSON.stringify(method)}`);
    const parsed = methodParams[method].safeParse(params ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return fail('INVALID_ARGUMENT', `${method}: ${where}${issue?.message ?? 'invalid parameters'}`);
    }
    try {
      const handler = handlers[method] as (p: unknown, c: Connection) => Promise<unknown>;
      return ok(await handler(parsed.data, connection));
    } catch (error) {
      if (error instanceof ProcLabFailure) return fail(error.code, error.message);
      // Stacks stay in the main process log; the client gets a code and a sentence.
      console.error(`[proclab] ${method} failed:`, error);
      return fail('INTERNAL', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
