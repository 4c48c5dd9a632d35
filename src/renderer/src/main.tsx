// Renderer entry: connects to the contract and mounts the app.
import { StrictMode } from 'react';
// The base styles first: each area's own stylesheet (imported by its component) builds on them.
import './styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './client/createClient';
import { I18nProvider } from './i18n/I18n';
import { ViewStoreProvider } from './store/ViewStoreProvider';

const client = createClient();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ViewStoreProvider>
        <App client={client} />
      </ViewStoreProvider>
    </I18nProvider>
  </StrictMode>,
);
