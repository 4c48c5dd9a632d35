// Reads the selected process's details from the main process, again every few seconds.
import { useEffect, useState } from 'react';
import type { ProcessDetails } from '../../../shared/model/ProcessDetails';
import type { ReconnectingClient } from '../client/ReconnectingClient';

const REFRESH_MS = 3_000;

export interface DetailsState {
  details: ProcessDetails | null;
  error: string | null;
  loading: boolean;
}

export function useProcessDetails(
  client: ReconnectingClient,
  pid: number | null,
  startTime: number | null,
): DetailsState {
  const key = pid === null || startTime === null ? null : `${pid}:${startTime}`;
  const [state, setState] = useState<DetailsState & { key: string | null }>({
    key: null,
    details: null,
    error: null,
    loading: false,
  });
  useEffect(() => {
    if (pid === null || startTime === null) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async () => {
      const result = await client.call('getProcessDetails', { pid, startTime });
      if (cancelled) return;
      const loadedKey = `${pid}:${startTime}`;
      if (result.ok) {
        setState({ key: loadedKey, details: result.value, error: null, loading: false });
        timer = setTimeout(() => void load(), REFRESH_MS);
      } else {
        // An exited process keeps the last details it had; it is not read again.
        setState((s) => ({
          key: loadedKey,
          details: s.key === loadedKey ? s.details : null,
          error: result.error.message,
          loading: false,
        }));
      }
    };
    void load();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [client, pid, startTime]);
  // Until the first answer for this process arrives, nothing of the previous one is shown.
  if (key === null) return { details: null, error: null, loading: false };
  return state.key === key ? state : { details: null, error: null, loading: true };
}
