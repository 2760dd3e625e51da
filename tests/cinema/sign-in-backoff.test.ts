import { describe, expect, it } from 'vitest';
import { backoffVerdict, SIGN_IN_LIMITS, type BackoffPolicy } from '../../src/cinema/sign-in-backoff';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const policy: BackoffPolicy = { free: 5, firstWaitMs: MINUTE, maxWaitMs: HOUR, forgetAfterMs: 24 * HOUR };

/** A guesser who tries again the moment the policy allows: the times of every attempt in `spanMs`. */
function greedyAttempts(limits: BackoffPolicy, spanMs: number): number[] {
  const attempts: number[] = [];
  let now = 0;
  while (now < spanMs) {
    const verdict = backoffVerdict(attempts, limits, now);
    if (verdict.allowed) attempts.push(now);
    else now += verdict.retryAfterMs;
  }
  return attempts;
}

describe('backoffVerdict', () => {
  it('allows the free failures at once', () => {
    expect(backoffVerdict([0, 0, 0, 0], policy, 0)).toEqual({ allowed: true });
  });

  it('then doubles the wait after each failure, from the last one, up to the cap', () => {
    const failures = [0, 0, 0, 0, 0];
    expect(backoffVerdict(failures, policy, 1_000)).toEqual({ allowed: false, retryAfterMs: MINUTE - 1_000 });
    expect(backoffVerdict(failures, policy, MINUTE)).toEqual({ allowed: true });
    expect(backoffVerdict([...failures, MINUTE], policy, MINUTE)).toEqual({ allowed: false, retryAfterMs: 2 * MINUTE });
    const many = Array.from({ length: 20 }, () => 0);
    expect(backoffVerdict(many, policy, 0)).toEqual({ allowed: false, retryAfterMs: HOUR });
  });

  it('forgets failures once they are older than the policy keeps them', () => {
    const failures = Array.from({ length: 20 }, () => 0);
    expect(backoffVerdict(failures, policy, 24 * HOUR)).toEqual({ allowed: true });
  });
});

// The numbers docs/security.md gives, from the limits the Worker uses.
describe('what a guesser gets from SIGN_IN_LIMITS', () => {
  it('at most 33 guesses at one member in the first day, 24 a day after that', () => {
    expect(greedyAttempts(SIGN_IN_LIMITS.member, 24 * HOUR)).toHaveLength(33);
    const tenDays = greedyAttempts(SIGN_IN_LIMITS.member, 10 * 24 * HOUR);
    expect(tenDays.filter((at) => at >= 9 * 24 * HOUR)).toHaveLength(24);
    // So 10,000 possible digits take over a year to try.
    expect(10_000 / 24).toBeGreaterThan(365);
  });

  it('at most 36 failed sign-ins from one address in the first hour, 128 in the first day, 96 a day after that', () => {
    expect(greedyAttempts(SIGN_IN_LIMITS.client, HOUR)).toHaveLength(36);
    expect(greedyAttempts(SIGN_IN_LIMITS.client, 24 * HOUR)).toHaveLength(128);
    const threeDays = greedyAttempts(SIGN_IN_LIMITS.client, 3 * 24 * HOUR);
    expect(threeDays.filter((at) => at >= 2 * 24 * HOUR)).toHaveLength(96);
  });
});
