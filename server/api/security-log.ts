import type { SecurityEventKind } from '../store/store';
import type { ApiContext, ApiDeps } from './api-context';

/** Refusals that repeat within this window share one log entry, counted. */
export const SECURITY_LOG_AGGREGATE_MS = 60_000;

const AGGREGATED: ReadonlySet<SecurityEventKind> = new Set(['change_refused', 'sign_in_failed', 'sign_in_throttled']);

/** Appends to the security log who did what from where; logging never fails the request. */
export async function logSecurity(
  deps: ApiDeps,
  c: ApiContext,
  kind: SecurityEventKind,
  detail: string,
  username: string | null = c.get('user')?.username ?? null,
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
