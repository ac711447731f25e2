import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ApiDeps, ApiEnv } from './api-context';

/**
 * GET /changes: server-sent events, one per accepted change (`verdict`, or `coverage` when an
 * article, mention or claim is added), so open
 * browsers update within moments. A comment line every heartbeat keeps idle proxies from
 * closing the stream; `retry` asks the browser to reconnect after a second when it drops.
 */
export function changesRoutes({ changes, heartbeatMs }: ApiDeps) {
  const routes = new Hono<ApiEnv>();
  let sequence = 0;

  routes.get('/changes', (c) => {
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let closed = false;
      let wake = () => {};
      const stop = () => {
        closed = true;
        wake();
      };
      const unsubscribe = changes.subscribe((event) => {
        void stream.writeSSE({ event: event.name, id: String((sequence += 1)), data: JSON.stringify(event.data) });
      }, stop);
      stream.onAbort(stop);
      try {
        await stream.writeSSE({ event: 'ready', data: '{}', retry: 1000 });
        while (!closed && !stream.aborted) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, heartbeatMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (!closed && !stream.aborted) await stream.write(': heartbeat\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });

  return routes;
}
