// The monitor's IPC links: while switched on, the links among the processes the grid shows, seen
// from each process (for its row's badges and the peers lit on hover).
import { useMemo } from 'react';
import { MAX_IPC_PIDS } from '../../../shared/contract/limits';
import type { IpcLinks } from '../../../shared/model/IpcLinks';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import type { DisplayRow } from '../views/DisplayRow';
import { linkViewsByPid, type LinkView } from '../views/ipcLinkViews';
import { useIpcLinks } from './useIpcLinks';

export interface TreeLinks {
  links: IpcLinks | null;
  /** Null while switched off. */
  byPid: ReadonlyMap<number, LinkView[]> | null;
}

export function useTreeLinks(client: ReconnectingClient, rows: readonly DisplayRow[], enabled: boolean): TreeLinks {
  // Kernel threads hold no files, a ghost's are gone, and a tree row shown only as the context
  // of a match is not asked about.
  const scope = () => ({
    pids: rows
      .filter((row) => !row.exit && !row.record.kernelThread && !('contextOnly' in row && row.contextOnly))
      .slice(0, MAX_IPC_PIDS)
      .map((row) => row.record.pid),
  });
  const { links } = useIpcLinks(client, enabled ? scope : null, 'monitor');
  const byPid = useMemo(() => (enabled && links ? linkViewsByPid(links.links) : null), [enabled, links]);
  return { links: enabled ? links : null, byPid };
}
