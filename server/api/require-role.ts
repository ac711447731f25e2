import { createMiddleware } from 'hono/factory';
import { canEditVerdicts, type Role, type SessionUser } from '@/domain/schemas';
import type { ApiDeps, ApiEnv } from './api-context';
import { refuseChange } from './security-log';

/** What a route behind a role check may rely on: `c.get('signedIn')`, the signed-in user. */
export type SignedInEnv = { Variables: ApiEnv['Variables'] & { signedIn: SessionUser } };

export type RoleRequirement = {
  /** Whether the role may do what the route does. */
  allows: (role: Role) => boolean;
  /** What the route does, as the refusal says it: "add articles" → "alice may read but not add articles". */
  action: string;
  /** The action as the sign-in prompt says it, when it reads better than `action`: "change a verdict". */
  signInTo?: string;
};

/**
 * Lets a request through only when its user has a role the requirement allows: 401 without
 * a session, 403 for another role, each refusal logged. Behind it, `c.get('signedIn')` is the
 * signed-in user (where `c.get('user')` may be null as far as types know).
 */
export function requireRole(deps: ApiDeps, { allows, action, signInTo = action }: RoleRequirement) {
  return createMiddleware<SignedInEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) return refuseChange(deps, c, 401, 'unauthenticated', `sign in to ${signInTo}`);
    if (!allows(user.role)) {
      return refuseChange(deps, c, 403, 'forbidden', `${user.username} may read but not ${action} (role ${user.role})`);
    }
    c.set('signedIn', user);
    await next();
  });
}

/** Editors and administrators only: `routes.post(path, requireEditor(deps, 'add claims'), ...)`. */
export function requireEditor(deps: ApiDeps, action: string, signInTo?: string) {
  return requireRole(deps, { allows: canEditVerdicts, action, ...(signInTo ? { signInTo } : {}) });
}
