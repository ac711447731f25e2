import { setupServer } from 'msw/node';
import { readCorpusDir } from '../server/corpus/read-corpus-dir';
import { createMockApiHandlers } from './mock-api';

/** The mock API for tests in Node, serving the bundled corpus. */
export const mockServer = setupServer(...createMockApiHandlers(readCorpusDir()));
