import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Env } from './env.ts';
import { refusal } from './refusals.ts';

/** The member's standing object: one per member, so no claim waits behind another member's check. */
export const memberStandingOf = (env: Env, memberId: string) => env.MEMBER_STANDING.getByName(memberId);

/** How long a claim waits for the member's object before going on without it (fail open, below). */
export const STANDING_CHECK_TIMEOUT_MS = 2_000;

/**
 * A KV note that the member has had a strike (written by their standing object, kept a year): a member
 * without one cannot be suspended, so their claim skips the object. Most members never miss a film.
 */
export const strikeMarkerKey = (memberId: string) => `standing:${memberId}`;

/**
 * Refuses a suspended member (`suspended`, 403, with `until`) before a claim, a noon-queue place, a
 * waitlist place or a lottery entry; after requireMember (it needs `memberId`). One KV read per request
 * that gets this far (the cheap refusals and limits come first), and for a member who has ever had a
 * strike one RPC to their own object, which decides. KV can take up to a minute to show a new note
 * elsewhere; a suspension needs three points from separate screenings, reported hours apart, so the note
 * is there long before (only a member whose first three strikes all arrived within that minute, say
 * after an outage, could claim once more in it).
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
  const memberId = c.get('memberId');
  // The KV read fails open too: claims ride out KV failing.
  return standingOrElse(
    async () => ((await c.env.SEATS.get(strikeMarkerKey(memberId))) === null ? null : memberStandingOf(c.env, memberId).suspendedUntil()),
    null,
    'claim let through',
  );
}

/**
 * The member's object's answer, or `fallback` if it fails or has not answered within
 * STANDING_CHECK_TIMEOUT_MS (logged with `instead`, what the request does without it): fail open.
 */
export async function standingOrElse<T>(ask: () => Promise<T>, fallback: T, instead: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('standing read timed out')), STANDING_CHECK_TIMEOUT_MS);
    });
    return await Promise.race([ask(), timeout]);
  } catch (error) {
    console.error(`member standing unavailable, ${instead}:`, error instanceof Error ? error.message : error);
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}

/** Keys per KV bulk read (its limit). */
const KV_BULK_READ = 100;

/**
 * Which of `memberIds` are suspended now, for the lottery's draw and the waitlist's promotions (a screening
 * object asks before its transaction): the KV strike notes, read 100 keys a call, say who could be, and only
 * those members' objects are asked, in parallel. With `enough` (a promotion needs that many members in good
 * standing, in the order given), members are taken in order and only as many objects asked as could still
 * leave fewer than `enough` in good standing, wave after wave: a waitlist whose every member has a strike
 * note costs a cancel two calls, not one per member. Fails open as a claim's check does: a batch of notes or
 * a member's object that cannot be read in time counts as not suspended, so an outage never stops a draw.
 */
export async function suspendedAmong(env: Env, memberIds: readonly string[], enough = Infinity): Promise<Set<string>> {
  const batches = Array.from({ length: Math.ceil(memberIds.length / KV_BULK_READ) }, (_, i) => memberIds.slice(i * KV_BULK_READ, (i + 1) * KV_BULK_READ));
  const struck = new Set(
    (
      await Promise.all(
        batches.map((batch) =>
          standingOrElse(
            async () => {
              const notes = await env.SEATS.get(batch.map(strikeMarkerKey));
              return batch.filter((memberId) => notes.get(strikeMarkerKey(memberId)) != null);
            },
            [],
            'their members counted in good standing',
          ),
        ),
      )
    ).flat(),
  );
  const suspended = new Set<string>();
  let good = 0;
  let next = 0;
  while (next < memberIds.length && good < enough) {
    const ask: string[] = [];
    while (next < memberIds.length && good + ask.length < enough) {
      const memberId = memberIds[next++]!;
      if (struck.has(memberId)) ask.push(memberId);
      else good++;
    }
    const answers = await Promise.all(
      ask.map(async (memberId) => [memberId, await standingOrElse(() => memberStandingOf(env, memberId).suspendedUntil(), null, 'member counted in good standing')] as const),
    );
    for (const [memberId, until] of answers) {
      if (until === null) good++;
      else suspended.add(memberId);
    }
  }
  return suspended;
}
