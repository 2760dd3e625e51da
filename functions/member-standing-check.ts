import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Env } from './env.ts';
import { refusal } from './refusals.ts';

/** The member's standing object: one per member, so no claim waits behind another member's check. */
export const memberStandingOf = (env: Env, memberId: string) => env.MEMBER_STANDING.getByName(memberId);

/** How long a claim waits for the member's object before going on without it (fail open, below). */
export const STANDING_CHECK_TIMEOUT_MS = 2_000;

/**
 * Refuses a suspended member (`suspended`, 403, with `until`) before a claim, a noon-queue place, a
 * waitlist place or a lottery entry; after requireMember (it needs `memberId`). One RPC to the member's
 * own object per request that gets this far (the cheap refusals and limits come first).
 *
 * Fails open: if the member's object cannot answer (an error, or no answer within
 * STANDING_CHECK_TIMEOUT_MS), the request goes on and the failure is logged. A suspension is a penalty
 * for no-shows, not a safety control; refusing every claim while standing objects are unreachable would
 * shut the cinema for everyone to keep out a few suspended members (docs/security.md › Member standing).
 */
export const requireGoodStanding = createMiddleware<AppEnv>(async (c, next) => {
  const until = await suspendedUntil(c);
  if (until !== null) throw refusal('suspended', { until });
  await next();
});

async function suspendedUntil(c: Context<AppEnv>): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('standing check timed out')), STANDING_CHECK_TIMEOUT_MS);
    });
    return await Promise.race([memberStandingOf(c.env, c.get('memberId')).suspendedUntil(), timeout]);
  } catch (error) {
    console.error('member standing unavailable, claim let through:', error instanceof Error ? error.message : error);
    return null;
  } finally {
    clearTimeout(timer);
  }
}
