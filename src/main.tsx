import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from '@/app/app-shell';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/lib/api/query-client';
import '@/app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProviders client={createQueryClient()}>
      <AppShell />
    </AppProviders>
  </StrictMode>,
);
