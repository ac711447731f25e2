import type { SecurityEventKind } from '../store/store';
import type { ApiContext, ApiDeps } from './api-context';

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
    });
  } catch (error) {
    console.error('could not write the security log', error);
  }
}
