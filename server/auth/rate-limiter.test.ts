import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

describe('rate limiter', () => {
  it('allows up to the limit of failures, then refuses until the window has passed', () => {
    let now = 1_000;
    const limiter = createRateLimiter({ maxFailures: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.check('k')).toEqual({ allowed: true });
      limiter.fail('k');
    }
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterMs: 60_000 });
    now += 59_999;
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterMs: 1 });
    now += 1;
    expect(limiter.check('k')).toEqual({ allowed: true });
  });

  it('keeps keys apart, resets on request and forgives one counted failure', () => {
    const limiter = createRateLimiter({ maxFailures: 1, windowMs: 10, now: () => 0 });
    limiter.fail('a');
    expect(limiter.check('a').allowed).toBe(false);
    expect(limiter.check('b').allowed).toBe(true);
    limiter.reset('a');
    expect(limiter.check('a').allowed).toBe(true);
    limiter.fail('a');
    limiter.forgive('a');
    expect(limiter.check('a').allowed).toBe(true);
  });
});
