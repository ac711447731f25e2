import type { Context } from 'hono';
import type { ApiDeps, ApiEnv } from './api-context';
import { etagFor } from './if-match';
import { logSecurity } from './security-log';

type Stale = {
  /** The version the change was based on (its If-Match). */
  ifMatch: number;
  /** The object's version now, sent as ETag; null when the object is gone. */
  version: number | null;
  /** What changed, after "…changed since version N: ". */
  now: string;
  /** What the object is called in the message ("verdict", "publication", "mention"). */
  noun: string;
  /** The object as it now stands, so the client can show it and merge. */
  body: Record<string, unknown>;
};

/**
 * The answer to a change based on an older version than the stored one, the same for every
 * versioned object: logged as a refused change, 412 with the object as it now stands and its
 * version as ETag, the error naming If-Match.
 */
export async function answerStale<E extends ApiEnv>(deps: ApiDeps, c: Context<E>, stale: Stale) {
  await logSecurity(
    deps,
    c,
    'change_refused',
    `${c.req.path}: 412 stale_version: based on ${stale.ifMatch}, current ${stale.version ?? 'none'}`,
  );
  if (stale.version !== null) c.header('ETag', etagFor(stale.version));
  return c.json(
    {
      error: {
        code: 'stale_version',
        message: `the ${stale.noun} changed since version ${stale.ifMatch}: ${stale.now}`,
        field: 'If-Match',
      },
      ...stale.body,
    },
    412,
  );
}
