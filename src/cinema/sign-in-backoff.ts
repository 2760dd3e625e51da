/**
 * How long a sign-in waits after failures, for one counted key (a member, a client address, a known
 * browser). A few failures are free (typos); after those each failure doubles the wait before the next
 * attempt, up to a cap, and failures are forgotten a while after the last one. Waits instead of a lock
 * keep a guesser's pace bounded while a member who mistyped is back in a minute.
 */
export interface BackoffPolicy {
  /** Failures allowed without any wait. */
  free: number;
  /** The wait after the first failure beyond `free`; each further failure doubles it. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** Failures older than this no longer count. */
  forgetAfterMs: number;
}

export type BackoffVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The failures that still count at `now`, oldest first. */
export function countedFailures(failures: readonly number[], policy: BackoffPolicy, now: number): number[] {
  return failures.filter((at) => at > now - policy.forgetAfterMs);
}

/**
 * Whether one more attempt may be made at `now`, given the times of earlier failures.
 *
 * @example with { free: 5, firstWaitMs: 60_000 }: five failures, then the sixth attempt waits a minute
 * after the fifth failure, the seventh two minutes after the sixth, then 4, 8, 16… up to maxWaitMs.
 */
export function backoffVerdict(failures: readonly number[], policy: BackoffPolicy, now: number): BackoffVerdict {
  const counted = countedFailures(failures, policy, now);
  const beyondFree = counted.length - policy.free;
  if (beyondFree < 0) return { allowed: true };
  const wait = Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** beyondFree);
  const until = Math.max(...counted) + wait;
  return now >= until ? { allowed: true } : { allowed: false, retryAfterMs: until - now };
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The sign-in limits. A member's own count bounds guessing their four digits however many addresses
 * guess; a client address's count bounds how many members one address can push into waits; a browser
 * that signed in as the member before is counted on its own, so others' guesses never slow it down.
 * docs/security.md gives what these allow.
 */
export const SIGN_IN_LIMITS = {
  member: { free: 5, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE, forgetAfterMs: DAY },
  knownDevice: { free: 5, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE, forgetAfterMs: DAY },
  client: { free: 30, firstWaitMs: MINUTE, maxWaitMs: 15 * MINUTE, forgetAfterMs: DAY },
} as const satisfies Record<string, BackoffPolicy>;
