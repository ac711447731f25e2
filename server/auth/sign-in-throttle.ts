import type { ThrottleDecision, ThrottleRule } from '../store/store';

/**
 * Growing delays instead of a hard lock: past a key's free failures, each further attempt
 * waits twice as long as the one before (1 s, 2 s, 4 s … up to 15 min). A right password is
 * never refused for longer than the current delay, and a key that stays quiet is forgotten.
 */
export const THROTTLE_POLICY = {
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
} as const;

/** A key's recorded failures: how many, and when the last was (milliseconds since the epoch). */
export type ThrottleState = { failures: number; lastAt: number };

/** How long the next attempt under `rule` must wait at `now`; 0 when it may go ahead. */
export function throttleWaitMs(state: ThrottleState | null, rule: ThrottleRule, now: number): number {
  const current = currentFailures(state, now);
  if (!state || current < rule.freeFailures) return 0;
  const delay = Math.min(THROTTLE_POLICY.baseDelayMs * 2 ** (current - rule.freeFailures), THROTTLE_POLICY.maxDelayMs);
  return Math.max(0, state.lastAt + delay - now);
}

/** Failures still remembered at `now`: none once the key has been quiet long enough. */
export function currentFailures(state: ThrottleState | null, now: number): number {
  if (!state || now - state.lastAt >= THROTTLE_POLICY.forgetAfterMs) return 0;
  return state.failures;
}

/** The decision over several rules: the longest wait wins. */
export function throttleDecision(waits: number[]): ThrottleDecision {
  const retryAfterMs = Math.max(0, ...waits);
  return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
}

/**
 * The sign-in rules: per (account, address), so a wrong-password flood from one client does
 * not stop the owner signing in from another, and per address, so one client spraying many
 * names is slowed as well.
 */
export function signInRules(username: string, address: string): ThrottleRule[] {
  return [
    { key: accountKey(username, address), freeFailures: 5 },
    { key: addressKey(address), freeFailures: 20 },
  ];
}

export const accountKey = (username: string, address: string) => `account:${username}@${address}`;
export const addressKey = (address: string) => `address:${address}`;
