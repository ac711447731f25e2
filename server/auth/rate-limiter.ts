export type RateLimiterOptions = {
  /** Failures allowed within the window; the next attempt is refused until the window passes. */
  maxFailures: number;
  windowMs: number;
  now?: () => number;
};

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts failures per key (an account name, an address) in a fixed window that starts at the
 * first failure. Kept in memory: a restart forgets it, which costs an attacker a restart they
 * cannot cause.
 */
export function createRateLimiter({ maxFailures, windowMs, now = Date.now }: RateLimiterOptions) {
  const failures = new Map<string, { count: number; since: number }>();

  const current = (key: string) => {
    const entry = failures.get(key);
    if (entry && now() - entry.since >= windowMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    check(key: string): RateLimitDecision {
      const entry = current(key);
      if (!entry || entry.count < maxFailures) return { allowed: true };
      return { allowed: false, retryAfterMs: entry.since + windowMs - now() };
    },
    fail(key: string): void {
      const entry = current(key);
      if (entry) entry.count += 1;
      else failures.set(key, { count: 1, since: now() });
      // Bound the memory a flood of distinct keys can take.
      if (failures.size > 10_000) for (const k of failures.keys()) if (!current(k)) failures.delete(k);
    },
    reset(key: string): void {
      failures.delete(key);
    },
    /** Takes back one failure counted in advance, for an attempt that turned out right. */
    forgive(key: string): void {
      const entry = current(key);
      if (!entry) return;
      entry.count -= 1;
      if (entry.count <= 0) failures.delete(key);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Sign-in limits: per account, and per address (an address may try many names). */
export type SignInLimiter = { perAccount: RateLimiter; perAddress: RateLimiter };

export function createSignInLimiter(now: () => number = Date.now): SignInLimiter {
  const windowMs = 15 * 60_000;
  return {
    perAccount: createRateLimiter({ maxFailures: 5, windowMs, now }),
    perAddress: createRateLimiter({ maxFailures: 20, windowMs, now }),
  };
}
