// The shape the preload exposes as window.proclab: one function per contract method, and events.
import type { Result } from './errors';
import type { EventPayload, MethodParams, MethodResults } from './methods';
import type { EventName, MethodName } from './names';

export type BridgeMethods = {
  [M in MethodName]: (params: MethodParams<M>) => Promise<Result<MethodResults[M]>>;
};

export interface ProcLabBridge {
  methods: BridgeMethods;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
