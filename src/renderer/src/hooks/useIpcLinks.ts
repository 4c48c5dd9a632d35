// Asks for the IPC links while they are shown, again every few seconds; stops when hidden.
import { useEffect, useRef, useState } from 'react';
import type { MethodParams } from '../../../shared/contract/methods';
import type { IpcLinks } from '../../../shared/model/IpcLinks';
import type { ReconnectingClient } from '../client/ReconnectingClient';

export const IPC_REFRESH_MS = 2_000;
/** A scan that takes long (thousands of processes) is repeated less often: at most 10% of the time. */
const SCAN_SHARE = 0.1;

export type IpcScope = MethodParams<'getIpcLinks'>;

export interface IpcLinksState {
  links: IpcLinks | null;
  error: string | null;
}

/**
 * `scope` is read at each refresh (the processes change between them); null shows nothing and
 * asks nothing. A new `key` (another process, another run) asks at once and forgets the old answer.
 */
export function useIpcLinks(client: ReconnectingClient, scope: (() => IpcScope) | null, key: string): IpcLinksState {
  const scopeRef = useRef(scope);
  useEffect(() => {
    scopeRef.current = scope;
  });
  const enabled = scope !== null;
  const [state, setState] = useState<IpcLinksState & { key: string | null }>({ key: null, links: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async () => {
      const current = scopeRef.current;
      if (!current) return;
      const started = performance.now();
      const result = await client.call('getIpcLinks', current());
      if (cancelled) return;
      const wait = Math.max(IPC_REFRESH_MS, (performance.now() - started) / SCAN_SHARE);
      // A failed refresh keeps the last answer for the same key.
      setState((s) =>
        result.ok
          ? { key, links: result.value, error: null }
          : { key, links: s.key === key ? s.links : null, error: result.error.message },
      );
      timer = setTimeout(() => void load(), wait);
    };
    void load();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [client, enabled, key]);
  if (!enabled || state.key !== key) return { links: null, error: null };
  return state;
}
