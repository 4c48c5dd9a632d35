// The theme in effect ("light" or "dark", as data-theme on <html>), for code that draws with colours.
import { useSyncExternalStore } from 'react';

const read = () => document.documentElement.dataset.theme ?? 'light';

function subscribe(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export function useResolvedTheme(): string {
  return useSyncExternalStore(subscribe, read);
}
