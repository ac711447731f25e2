import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from '@/app/app-shell';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/lib/api/query-client';
import '@/app/styles.css';
import { startEditionWorker } from './edition-worker';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The API answers from the service worker, so it must be running before the app asks anything.
await startEditionWorker();

createRoot(root).render(
  <StrictMode>
    <AppProviders client={createQueryClient()}>
      <AppShell readOnly />
    </AppProviders>
  </StrictMode>,
);
