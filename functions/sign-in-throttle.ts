import { DurableObject } from 'cloudflare:workers';
import { backoffVerdict, countedFailures, SIGN_IN_LIMITS, type BackoffPolicy } from '../src/cinema/sign-in-backoff.ts';
import type { Env } from './env.ts';
import { refusal } from './refusals.ts';

export type AttemptVerdict = { allowed: true; at: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts sign-in attempts for one key (`member:<id>`, `client:<address>`, `device:<member>:<device>`), one
 * object per key. An attempt is checked and recorded in one step, before the digits are checked, and
 * counts as a failure until the sign-in succeeds: guesses sent at once are counted one by one.
 */
export class SignInThrottle extends DurableObject<Env> {
  async attempt(policy: BackoffPolicy): Promise<AttemptVerdict> {
    const now = Date.now();
    const failures = countedFailures(this.ctx.storage.kv.get<number[]>('failures') ?? [], policy, now);
    const verdict = backoffVerdict(failures, policy, now);
    if (!verdict.allowed) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)) };
    // No await between the verdict and this write: that is what makes the check and the count one step.
    this.ctx.storage.kv.put('failures', [...failures, now]);
    // Nothing is kept longer than it counts: the alarm forgets the failures when the last one has aged out.
    await this.ctx.storage.setAlarm(now + policy.forgetAfterMs);
    return { allowed: true, at: now };
  }

  /** The attempt recorded at `at` succeeded: it no longer counts (the others do). */
  async forgetAttempt(at: number): Promise<void> {
    const failures = this.ctx.storage.kv.get<number[]>('failures') ?? [];
    const index = failures.indexOf(at);
    if (index >= 0) this.ctx.storage.kv.put('failures', failures.toSpliced(index, 1));
  }

  /** The member proved their digits: earlier failures were theirs or a guesser's that came to nothing. */
  async reset(): Promise<void> {
    this.ctx.storage.kv.delete('failures');
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}

/**
 * Reserves one sign-in attempt on each count that applies, or throws rate_limited. A browser that signed
 * in as this member before (`device`) is counted on its own, so others' guesses never slow it down;
 * any other attempt counts against its address, then the member, in that order, so that an address
 * told to wait cannot use up the member's allowance. Returns what to call once the digits were right.
 */
export async function reserveSignIn(env: Env, who: { memberId: string; client: string; device?: string }): Promise<() => Promise<void>> {
  const counts = who.device
    ? [{ key: `device:${who.memberId}:${who.device}`, policy: SIGN_IN_LIMITS.knownDevice, onSuccess: 'reset' as const }]
    : [
        { key: `client:${who.client}`, policy: SIGN_IN_LIMITS.client, onSuccess: 'forgetAttempt' as const },
        { key: `member:${who.memberId}`, policy: SIGN_IN_LIMITS.member, onSuccess: 'reset' as const },
      ];
  return reserveCounted(env, counts);
}

/**
 * Staff sign-ins, counted as members' are: a browser that signed in as this account before on its own
 * (so a fired colleague's guesses at a username never lock its owner out), any other attempt per client
 * address, then per username typed (known or not).
 */
export function reserveStaffSignIn(env: Env, who: { username: string; client: string; device?: string }): Promise<() => Promise<void>> {
  return reserveCounted(
    env,
    who.device
      ? [{ key: `staff-device:${who.username}:${who.device}`, policy: SIGN_IN_LIMITS.knownDevice, onSuccess: 'reset' }]
      : [
          { key: `staff-client:${who.client}`, policy: SIGN_IN_LIMITS.client, onSuccess: 'forgetAttempt' },
          { key: `staff:${who.username}`, policy: SIGN_IN_LIMITS.member, onSuccess: 'reset' },
        ],
  );
}

async function reserveCounted(
  env: Env,
  counts: { key: string; policy: BackoffPolicy; onSuccess: 'reset' | 'forgetAttempt' }[],
): Promise<() => Promise<void>> {
  const onSuccess: (() => Promise<void>)[] = [];
  for (const { key, policy, onSuccess: clear } of counts) {
    const stub = env.SIGN_IN_THROTTLE.getByName(key);
    const verdict = await stub.attempt(policy);
    if (!verdict.allowed) throw refusal('rate_limited', { retryAfterSeconds: verdict.retryAfterSeconds });
    onSuccess.push(() => (clear === 'reset' ? stub.reset() : stub.forgetAttempt(verdict.at)));
  }
  return async () => {
    await Promise.all(onSuccess.map((clear) => clear()));
  };
}
