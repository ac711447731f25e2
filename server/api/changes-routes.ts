import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';

/** The socket under @hono/node-server, to end a stream whose client stopped reading. */
const socketOf = (env: unknown) =>
  (env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket ?? null;

/**
 * GET /changes: server-sent events, one per accepted change (`verdict`, or `coverage` when an
 * article, mention or claim is added), so open browsers update within moments. A comment
 * line every heartbeat keeps idle proxies from closing the stream; `retry` asks the browser to
 * reconnect after a second when it drops.
 *
 * Every stream is bounded: a client that stops reading has its unsent events counted, and
 * past `maxQueuedChanges` (or with a heartbeat still unsent at the next one) it is dropped,
 * its buffers freed. Its browser reconnects and refetches, as after any drop. At most
 * `maxChangeStreams` streams are open at once; one more is refused with 503.
 */
export function changesRoutes({ changes, heartbeatMs, maxChangeStreams, maxQueuedChanges }: ApiDeps) {
  const routes = new Hono<ApiEnv>();
  let sequence = 0;
  let open = 0;

  routes.get('/changes', (c) => {
    if (open >= maxChangeStreams) {
      c.header('Retry-After', '30');
      return jsonError(c, 503, 'too_many_streams', 'too many open change streams; try again later');
    }
    open += 1;
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let closed = false;
      let wake = () => {};
      let queued = 0;
      const stop = () => {
        closed = true;
        wake();
      };
      const drop = () => {
        stop();
        void stream.abort();
        socketOf(c.env)?.destroy();
      };
      /** Writes without waiting, counting what the client has not taken yet. */
      const send = (write: Promise<unknown>) => {
        queued += 1;
        void write.finally(() => {
          queued -= 1;
        });
      };
      const unsubscribe = changes.subscribe((event) => {
        if (closed) return;
        if (queued >= maxQueuedChanges) return drop();
        send(stream.writeSSE({ event: event.name, id: String((sequence += 1)), data: JSON.stringify(event.data) }));
      }, stop);
      stream.onAbort(stop);
      try {
        await stream.writeSSE({ event: 'ready', data: '{}', retry: 1000 });
        let heartbeatSent = true;
        while (!closed && !stream.aborted) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, heartbeatMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (closed || stream.aborted) break;
          // The last heartbeat is still not sent: the client has stopped reading.
          if (!heartbeatSent) {
            drop();
            break;
          }
          heartbeatSent = false;
          send(
            stream.write(': heartbeat\n\n').then(() => {
              heartbeatSent = true;
            }),
          );
        }
      } finally {
        unsubscribe();
        open -= 1;
      }
    });
  });

  return routes;
}
