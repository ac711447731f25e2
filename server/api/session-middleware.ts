import type { MiddlewareHandler } from 'hono';
import { hashSessionToken } from '../auth/session-token';
import { readSessionCookie } from '../auth/session-cookie';
import type { ApiDeps, ApiEnv } from './api-context';

/** Puts the signed-in user (or null) on every request, from the session cookie. */
export function loadSession({ store, now }: ApiDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('sessionTokenHash', null);
    const token = readSessionCookie(c);
    if (token && token.length <= 128) {
      const tokenHash = hashSessionToken(token);
      const session = await store.findSession(tokenHash, now().getTime());
      if (session) {
        c.set('user', { username: session.username, role: session.role });
        c.set('sessionTokenHash', tokenHash);
      }
    }
    await next();
  };
}
