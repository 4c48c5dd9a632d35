// What the main process says of itself (getInfo), asked once per connection: the user it runs
// as, and what it can do on this machine (its capabilities, which follow from its sampler).
import { useEffect, useState } from 'react';
import type { Capabilities, ServerInfo } from '../../../shared/contract/methods';
import type { ReconnectingClient } from '../client/ReconnectingClient';

/** Until the answer arrives, nothing beyond the table is offered. */
export const NO_CAPABILITIES: Capabilities = { details: false, signals: false, lab: false };

export function useServerInfo(client: ReconnectingClient, connected: boolean): ServerInfo | null {
  const [info, setInfo] = useState<ServerInfo | null>(null);
  useEffect(() => {
    if (!connected) return;
    void client.call('getInfo', {}).then((r) => r.ok && setInfo(r.value));
  }, [client, connected]);
  return info;
}
