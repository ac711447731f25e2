import { http } from 'msw';
import { mockServer } from '../../mocks/node';
import { createTestApi, TEST_PASSWORD } from '../../server/api/api-test-kit';
import { bundledCorpus } from '../../server/corpus/corpus-test-kit';
import type { PageFetcher } from '../../server/ingest/fetch-page';

/**
 * The test API (the real app with the kit's accounts, all with the password TEST_PASSWORD)
 * over the bundled corpus in a fresh store, served through the mock server for one test.
 * The handler keeps the session cookie as a browser would (msw's own cookie store only
 * sees cookies of responses it builds itself), so sign-in goes through the API and every
 * later request carries the session; each call starts with no cookie.
 */
export async function serveEditorialApi(options: { pageFetcher?: PageFetcher } = {}) {
  const { app, store } = await createTestApi({ corpus: bundledCorpus(), realTime: true, ...options });
  const gates: Array<Promise<void>> = [];
  let cookie: string | null = null;
  mockServer.use(
    http.all('*/api/*', async ({ request }) => {
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      if (hasBody) await gates.shift();
      const headers = new Headers(request.headers);
      headers.delete('cookie');
      if (cookie) headers.set('cookie', cookie);
      const response = await app.fetch(
        new Request(request.url, { method: request.method, headers, body: hasBody ? await request.text() : undefined }),
      );
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) cookie = /max-age=0/i.test(setCookie) ? null : (setCookie.split(';')[0] ?? null);
      return response;
    }),
  );
  return {
    store,
    /** Holds the next change request until the returned function is called. */
    holdNextChange() {
      let release = () => {};
      gates.push(new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
  };
}

export { TEST_PASSWORD } from '../../server/api/api-test-kit';

/** Signs in through the API, as the sign-in form does. */
export async function signInThroughApi(username: string, password = TEST_PASSWORD) {
  const response = await fetch(new URL('/api/session', window.location.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username} answered ${response.status}`);
}
