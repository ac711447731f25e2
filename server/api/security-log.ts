import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SecurityEventKind } from '../store/store';
import type { ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';

/** Read through the base environment: on a generic context Hono types the variable as `any`. */
const signedInName = <E extends ApiEnv>(c: Context<E>): string | null => {
  const user: ApiEnv['Variables']['user'] = c.get<'user'>('user');
  return user?.username ?? null;
};

/** Refusals that repeat within this window share one log entry, counted. */
export const SECURITY_LOG_AGGREGATE_MS = 60_000;

const AGGREGATED: ReadonlySet<SecurityEventKind> = new Set(['change_refused', 'sign_in_failed', 'sign_in_throttled']);

/** Appends to the security log who did what from where; logging never fails the request. */
export async function logSecurity<E extends ApiEnv>(
  deps: ApiDeps,
  c: Context<E>,
  kind: SecurityEventKind,
  detail: string,
  username: string | null = signedInName(c),
) {
  try {
    await deps.store.logSecurityEvent({
      kind,
      at: deps.now().toISOString(),
      username,
      address: deps.clientAddress(c),
      detail,
      ...(AGGREGATED.has(kind) ? { aggregateMs: SECURITY_LOG_AGGREGATE_MS } : {}),
    });
  } catch (error) {
    console.error('could not write the security log', error);
  }
}

/** Refuses a change with a JSON error and logs the refusal with its status, code and message. */
export async function refuseChange<E extends ApiEnv>(
  deps: ApiDeps,
  c: Context<E>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  field?: string,
) {
  await logSecurity(deps, c, 'change_refused', `${c.req.method} ${c.req.path}: ${status} ${code}: ${message}`);
  return jsonError(c, status, code, message, field);
}
