import { DurableObject } from 'cloudflare:workers';
import type { Env } from './env.ts';

/** Failed sign-ins allowed per key within the window, and the window. */
export const SIGN_IN_LIMITS = {
  member: { failures: 5, windowMs: 15 * 60_000 },
  client: { failures: 30, windowMs: 15 * 60_000 },
} as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts failed sign-ins for one key (a member id or a client address), one object per key, so the
 * count is exact even when guesses arrive at once from many places.
 */
export class SignInThrottle extends DurableObject<Env> {
  private failures(windowMs: number, now: number): number[] {
    return (this.ctx.storage.kv.get<number[]>('failures') ?? []).filter((at) => at > now - windowMs);
  }

  async check(limit: { failures: number; windowMs: number }): Promise<ThrottleVerdict> {
    const now = Date.now();
    const recent = this.failures(limit.windowMs, now);
    if (recent.length < limit.failures) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + limit.windowMs - now) / 1000)) };
  }

  async recordFailure(limit: { failures: number; windowMs: number }): Promise<void> {
    const now = Date.now();
    this.ctx.storage.kv.put('failures', [...this.failures(limit.windowMs, now), now].slice(-limit.failures));
    // Nothing is kept longer than it counts: the alarm forgets the failures when the window has passed.
    await this.ctx.storage.setAlarm(now + limit.windowMs);
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  async reset(): Promise<void> {
    this.ctx.storage.kv.delete('failures');
  }
}
