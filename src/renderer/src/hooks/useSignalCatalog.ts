// The platform's signals, asked of the main process once per connection.
import { useEffect, useState } from 'react';
import type { SignalInfo } from '../../../shared/model/Signals';
import type { ReconnectingClient } from '../client/ReconnectingClient';

export function useSignalCatalog(client: ReconnectingClient, connected: boolean): SignalInfo[] {
  const [catalog, setCatalog] = useState<SignalInfo[]>([]);
  useEffect(() => {
    if (!connected) return;
    void client.call('getSignalCatalog', {}).then((r) => r.ok && setCatalog(r.value));
  }, [client, connected]);
  return catalog;
}
