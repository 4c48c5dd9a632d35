// What a client of the contract looks like, whatever carries it (Electron IPC or a WebSocket).
import type { Result } from './errors';
import type { EventPayload, MethodParams, MethodResults } from './methods';
import type { EventName, MethodName } from './names';

export interface ProcLabClient {
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<Result<MethodResults[M]>>;
  /** Returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
