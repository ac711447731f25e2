import { Hono } from 'hono';
import { signInInputSchema, type SessionState } from '@/domain/schemas';
import { verifyAgainstNoAccount, verifyPassword } from '../auth/password';
import { accountKey, addressKey, signInRules } from '../auth/sign-in-throttle';
import { clearSessionCookie, writeSessionCookie } from '../auth/session-cookie';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import type { ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { logSecurity } from './security-log';
import { jsonBody } from './validators';

/** GET/POST/DELETE /session: who is signed in; sign in; sign out. */
export function sessionRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  const routes = new Hono<ApiEnv>();

  routes.get('/session', (c) => c.json({ user: c.get('user') } satisfies SessionState));

  routes.post('/session', jsonBody(signInInputSchema), async (c) => {
    const body = c.req.valid('json');
    const username = body.username.trim().toLowerCase();
    const address = deps.clientAddress(c);
    // Counted before the password is checked, in the database every process shares, so a
    // burst of parallel guesses through any process cannot slip past.
    const decision = await store.takeSignInAttempt(signInRules(username, address), now().getTime());
    if (!decision.allowed) {
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      await logSecurity(deps, c, 'sign_in_throttled', 'too many failed sign-ins', username);
      c.header('Retry-After', String(seconds));
      const wait = seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
      return jsonError(c, 429, 'too_many_attempts', `too many failed sign-ins; try again in ${wait}`);
    }

    const account = await store.getAccount(username);
    const valid = account
      ? await verifyPassword(body.password, account.passwordHash)
      : await verifyAgainstNoAccount(body.password);
    if (!account || !valid) {
      await logSecurity(deps, c, 'sign_in_failed', account ? 'wrong password' : 'no such account', username);
      return jsonError(c, 401, 'invalid_credentials', 'wrong name or password', 'password');
    }
    await store.settleSignInAttempt({ reset: [accountKey(username, address)], forgive: [addressKey(address)] });

    const previous = c.get('sessionTokenHash');
    if (previous) await store.deleteSession(previous);
    const at = now();
    await store.deleteExpiredSessions(at.getTime());
    const token = newSessionToken();
    await store.createSession({
      tokenHash: hashSessionToken(token),
      username: account.username,
      createdAt: at.toISOString(),
      expiresAt: at.getTime() + deps.sessionTtlMs,
    });
    writeSessionCookie(c, token, Math.floor(deps.sessionTtlMs / 1000));
    await logSecurity(deps, c, 'signed_in', 'signed in', account.username);
    return c.json({ user: { username: account.username, role: account.role } } satisfies SessionState);
  });

  routes.delete('/session', async (c) => {
    const tokenHash = c.get('sessionTokenHash');
    const user = c.get('user');
    if (tokenHash) await store.deleteSession(tokenHash);
    clearSessionCookie(c);
    if (user) await logSecurity(deps, c, 'signed_out', 'signed out', user.username);
    return c.json({ user: null } satisfies SessionState);
  });

  routes.on(['PUT', 'PATCH'], '/session', (c) => {
    c.header('Allow', 'GET, POST, DELETE');
    return jsonError(c, 405, 'method_not_allowed', `${c.req.method} is not allowed on /api/session`);
  });

  return routes;
}
