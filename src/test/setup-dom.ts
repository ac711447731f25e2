import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mockServer } from '../../mocks/node';

// A loaded machine must not fail a correct test: waiting longer changes no outcome.
configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  mockServer.resetHandlers();
  window.history.replaceState(null, '', '/');
});
afterAll(() => mockServer.close());
