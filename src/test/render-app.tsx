import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppShell } from '@/app/app-shell';
import { AppProviders } from '@/app/providers';

/** A fresh client per test, without retries, so a failure shows at once and no cache leaks. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

/** Renders UI with the app's providers at a URL, answering API calls from the mock API. */
export function renderWithProviders(ui: ReactElement, { url = '/' }: { url?: string } = {}) {
  window.history.replaceState(null, '', url);
  const client = createTestQueryClient();
  const user = userEvent.setup();
  return { user, client, ...render(<AppProviders client={client}>{ui}</AppProviders>) };
}

/** The whole app at a URL. */
export function renderApp(url = '/') {
  return renderWithProviders(<AppShell />, { url });
}
