import { answerStale } from './stale-answer';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CoverageChangeEvent } from '@/domain/schemas';
import type { DeskResult } from '../store/claim-desk-store';
import type { ApiDeps, ApiEnv } from './api-context';
import { etagFor } from './if-match';
import { refuseChange } from './security-log';

/**
 * Answers a change of the desk's work as every change is answered: the object with its new
 * version as ETag (and a live update to every open page); 412 with the object as it now stands
 * when the change was based on an older version; 404; or the refusal, logged.
 */
export async function answerDesk<E extends ApiEnv, T, C>(
  deps: ApiDeps,
  c: Context<E>,
  result: DeskResult<T, C>,
  what: { noun: string; ifMatch: number; status?: ContentfulStatusCode },
  show: (value: T) => {
    body: unknown;
    version: number;
    feed: CoverageChangeEvent;
  },
  showStale: (current: C) => { body: Record<string, unknown>; version: number | null },
) {
  if (result.kind === 'not_found') {
    return refuseChange(deps, c, 404, 'not_found', `no ${what.noun} here`, what.noun);
  }
  if (result.kind === 'refused') {
    return refuseChange(deps, c, result.status, result.code, result.message, result.field);
  }
  if (result.kind === 'stale') {
    const stale = showStale(result.current);
    return answerStale(deps, c, {
      ifMatch: what.ifMatch,
      version: stale.version,
      noun: what.noun,
      now: stale.version === null ? 'it is gone' : `it is now version ${stale.version}`,
      body: stale.body,
    });
  }
  const shown = show(result.value);
  deps.changes.publish({ name: 'coverage', data: shown.feed });
  c.header('ETag', etagFor(shown.version));
  c.header('Parallax-Edit', String(result.edit.id));
  return c.json(shown.body as object, what.status ?? 200);
}
