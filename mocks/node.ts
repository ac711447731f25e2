import { setupServer } from 'msw/node';
import { bundledCorpus } from '../server/corpus/corpus-test-kit';
import { createMockApiHandlers } from './mock-api';

/** The mock API for tests in Node, serving the bundled corpus. */
export const mockServer = setupServer(...createMockApiHandlers(bundledCorpus()));
