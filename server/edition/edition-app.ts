import { Hono } from 'hono';
import type { SessionState } from '@/domain/schemas';
import type { ApiOptions } from '../api/api-context';
import { createApi, handleUnexpectedError } from '../api/create-api';
import type { StoryReadCache } from '../api/story-read-cache';
import type { Store } from '../store/store';

export const READ_ONLY_MESSAGE =
  'This is a read-only edition of the story: nothing can be changed here. Changes are made in Parallax itself.';

const encoder = new TextEncoder();

/**
 * Story reads serialized per request and kept nowhere: an edition has one reader and a story
 * that never changes, and its answers leave through a service worker, which cannot hand on a
 * compressed body (so the request's Accept-Encoding is not passed on, and no gzip is sent).
 */
const uncompressedStoryReads: StoryReadCache = {
  async get(_key, load) {
    const body = await load();
    if (body === null) return null;
    const json = encoder.encode(JSON.stringify(body));
    return { json: () => Promise.resolve(json), gzip: json };
  },
  size: 0,
};

/**
 * The API of a static edition: the real app over the story's snapshot, answering every read
 * as the server does and refusing every change with a message that says why. Nobody is
 * signed in to an edition: a cookie the browser holds for the host (a Parallax served on
 * another port of it, say) is not passed on, so every reader reads as anyone.
 */
export function createEditionApp(store: Store, options: Pick<ApiOptions, 'desk'> = {}) {
  const api = new Hono();
  api.route('/api', createApi(store, { ...options, storyReads: uncompressedStoryReads }));
  api.onError(handleUnexpectedError);

  const app = new Hono();
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return c.json({ error: { code: 'read_only', message: READ_ONLY_MESSAGE } }, 405, { Allow: 'GET, HEAD' });
  });
  // Nobody is signed in, and the app is told why: there is nothing to sign in to.
  app.get('/api/session', (c) => c.json({ user: null, readOnly: true } satisfies SessionState));
  app.all('/api/*', (c) => {
    const headers = new Headers(c.req.raw.headers);
    headers.delete('Cookie');
    headers.delete('Accept-Encoding');
    return api.fetch(new Request(c.req.raw, { headers }));
  });
  app.onError(handleUnexpectedError);
  return app;
}
