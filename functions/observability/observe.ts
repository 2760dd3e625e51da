import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../env.ts';
import { claimDataPoint, claimLogRecord, staffActionLogRecord, type ClaimEvent, type StaffAction } from './events.ts';

/**
 * The code the client was answered with. Routes and guards throw refusals; by the time `next()` returns,
 * app.onError has answered and Hono keeps the error in `c.error`.
 */
export function outcomeOf(c: Context<AppEnv>, success: string): string {
  if (c.error instanceof ApiError) return c.error.code;
  if (c.error) return c.res.status === 503 ? 'temporarily_unavailable' : c.res.status === 500 ? 'internal_error' : 'invalid_request';
  return success;
}

/** The route's screening id, unless it named none we know (then it is whatever a client sent). */
export const screeningOf = (c: Context<AppEnv>, outcome: string) => (outcome === 'unknown_screening' ? null : (c.req.param('id') ?? null));

/** A metric must never cost a member the answer to a claim. */
function writeDataPoint(dataset: AnalyticsEngineDataset | undefined, event: ClaimEvent & { screening: string }): void {
  try {
    dataset?.writeDataPoint(claimDataPoint(event));
  } catch (error) {
    console.error('claim metrics not written:', error instanceof Error ? error.message : error);
  }
}

/**
 * First on the claim route, so it sees every outcome, the cheap early refusals (window, sold out, not
 * signed in, rate limited) included: one log record and one Analytics Engine data point per claim.
 */
export const observeClaim = createMiddleware<AppEnv>(async (c, next) => {
  const started = Date.now();
  await next();
  const outcome = outcomeOf(c, 'claimed');
  const screening = screeningOf(c, outcome);
  const event = { screening, outcome, replayed: outcome === 'claimed' && c.res.status === 200, ms: Date.now() - started };
  console.log(claimLogRecord(event));
  if (screening !== null) writeDataPoint(c.env.CLAIM_EVENTS, { ...event, screening });
});

/** What a staff route counted (seats booked, rows exported…), for its log record. */
export function noteCounts(c: Context<AppEnv>, counts: Record<string, number>): void {
  c.set('actionCounts', counts);
}

/** One log record per staff action: which, on which screening, its outcome and counts (noteCounts). */
export const observeStaffAction = (action: StaffAction) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = Date.now();
    await next();
    const outcome = outcomeOf(c, 'ok');
    const counts = outcome === 'ok' ? (c.get('actionCounts') ?? {}) : {};
    console.log(staffActionLogRecord({ action, screening: screeningOf(c, outcome), outcome, counts, ms: Date.now() - started }));
  });
