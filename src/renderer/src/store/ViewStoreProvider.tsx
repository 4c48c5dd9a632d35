// Gives the window one ViewStore (the timeline's scope, which the monitor and the lab both set).
import { useState, type ReactNode } from 'react';
import { ViewStore, ViewStoreContext } from './ViewStore';

export function ViewStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new ViewStore());
  return <ViewStoreContext.Provider value={store}>{children}</ViewStoreContext.Provider>;
}
