import type { Hono } from 'hono';
import type { Role } from '@/domain/schemas';
import type { Corpus } from '../corpus/load-corpus';
import { hashPassword } from '../auth/password';
import { fixtureCorpus } from '../corpus/corpus-test-kit';
import { createPageFetcher } from '../ingest/fetch-page';
import { openSqliteStore } from '../store/sql/sql-store';
import type { Store } from '../store/store';
import type { ApiOptions } from './api-context';
import { createChangeFeed } from './change-feed';
import { createApp } from './create-api';

/** Cheap enough for tests; production hashes use DEFAULT_SCRYPT_COST. */
export const TEST_SCRYPT_COST = { N: 1024, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery';

export async function addAccount(store: Store, username: string, role: Role, password = TEST_PASSWORD) {
  await store.createAccount({
    username,
    role,
    passwordHash: await hashPassword(password, TEST_SCRYPT_COST),
    createdAt: '2024-05-01T09:00:00.000Z',
  });
}

/** The accounts every test API has, all with the password TEST_PASSWORD. */
export const TEST_ACCOUNTS = [
  ['alice', 'editor'],
  ['bob', 'editor'],
  ['rita', 'reader'],
  ['ada', 'admin'],
] as const satisfies ReadonlyArray<readonly [string, Role]>;

export type TestApiOptions = ApiOptions & {
  store?: Store;
  /** What the store is seeded with; the small fixture corpus unless given. */
  corpus?: Corpus;
  accounts?: ReadonlyArray<readonly [string, Role]>;
  /** Real time instead of a clock the test moves (for views that show times as a browser would). */
  realTime?: boolean;
};

/**
 * The one way tests stand the API up: the real app over a seeded store (SQLite in memory
 * unless one is given) with an editor (alice), a second editor (bob), a reader (rita) and an
 * admin (ada); a clock the test moves; requests from an address it names. The browser-side
 * kits serve this same app through MSW.
 */
export async function createTestApi({
  store: given,
  corpus = fixtureCorpus(),
  accounts = TEST_ACCOUNTS,
  realTime = false,
  ...options
}: TestApiOptions = {}) {
  const store = given ?? (await openSqliteStore(':memory:'));
  await store.seed(corpus);
  for (const [name, role] of accounts) {
    await addAccount(store, name, role);
  }
  const clock = { now: Date.parse('2024-05-06T12:00:00.000Z') };
  const now = () => new Date(clock.now);
  const changes = options.changes ?? createChangeFeed();
  const app: Hono = createApp(store, {
    ...(realTime ? {} : { now }),
    clientAddress: (c) => c.req.header('x-test-address') ?? '192.0.2.1',
    changes,
    // Tests never reach the network: every name resolves to nothing unless a test gives its own fetcher.
    pageFetcher: createPageFetcher({ lookup: () => Promise.resolve([]) }),
    ...options,
  });

  const signIn = async (username: string, password = TEST_PASSWORD) => {
    const response = await app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
    return sessionCookieOf(response);
  };

  const patchVerdict = (
    claim: string,
    body: unknown,
    { cookie, ifMatch, headers = {} }: { cookie?: string; ifMatch?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> =>
    // app.request may answer synchronously; a promise keeps Promise.all over many of them typed.
    Promise.resolve(
      app.request(`/api/claims/${claim}/verdict`, {
        method: 'PATCH',
        headers: {
          'Content-Type': 'application/json',
          ...(cookie ? { Cookie: cookie } : {}),
          ...(ifMatch !== undefined ? { 'If-Match': ifMatch } : {}),
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );

  return { app, store, clock, changes, signIn, patchVerdict };
}

/** `name=value` of the session cookie a response sets. */
export function sessionCookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const pair = header.split(';')[0] ?? '';
  if (!pair.includes('=')) throw new Error(`no session cookie in "${header}"`);
  return pair;
}
