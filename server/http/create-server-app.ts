import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import type { ApiOptions } from '../api/api-context';
import { createApi, handleUnexpectedError } from '../api/create-api';
import type { Store } from '../store/store';
import { pinnedHost } from './public-origin';
import { securityHeaders } from './security-headers';

/** The whole server: the API under /api and the built SPA for every other path. */
export function createServerApp(store: Store, distDir: string, apiOptions: ApiOptions = {}) {
  const app = new Hono();
  app.use('*', securityHeaders);
  const { publicOrigins } = apiOptions;
  if (publicOrigins)
    app.use(
      '*',
      pinnedHost(() => publicOrigins() ?? []),
    );
  // Whatever is not precompressed (API answers, the HTML of a view) is gzipped as it is sent;
  // the change stream (text/event-stream) never is, so its events are not held back.
  app.use('*', compress());
  app.route('/api', createApi(store, apiOptions));
  app.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      // The build writes .br and .gz beside every text asset (vite.config.ts): sent as they are.
      precompressed: true,
      rewriteRequestPath: (path) => path,
      onFound: (_path, c) => {
        // File names carry a content hash, so they never change.
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
        varyByEncoding(c);
      },
    }),
  );
  // A hashed asset that is not there is a stale page asking for an old build: 404, never the SPA's HTML.
  app.all('/assets/*', (c) => c.text('not found', 404));
  app.use(
    '*',
    serveStatic({
      root: distDir,
      precompressed: true,
      onFound: (path, c) => {
        // The page names the current build's assets: always revalidated, so a new build is found.
        if (/\.html(?:\.br|\.gz|\.zst)?$/.test(path)) c.header('Cache-Control', 'no-cache');
        varyByEncoding(c);
      },
    }),
  );
  // Every other path is a view of the SPA, which reads its state from the URL.
  app.get('*', async (c) => {
    const html = await readFile(join(distDir, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });
  app.onError(handleUnexpectedError);
  return app;
}

/**
 * A file that exists in several encodings varies by Accept-Encoding, whichever one this
 * answer is: a shared cache must not hand a brotli body to a browser that asked for none.
 */
function varyByEncoding(c: Context) {
  const vary = c.res.headers.get('Vary') ?? '';
  if (!/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) c.header('Vary', 'Accept-Encoding', { append: true });
}
