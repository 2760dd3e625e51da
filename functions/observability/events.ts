/**
 * What the Worker records about claims and staff actions: one log record each, logged as an object so
 * that Workers Logs indexes its fields (`wrangler tail --format json` shows it as JSON), and, for
 * claims, one Analytics Engine data point. The fields are picked one by one here, never spread from a
 * request or a ticket, so no member id, member number, phone digits, cookie, Idempotency-Key, union
 * name or ticket code can reach a log by accident (docs/security.md).
 */

export interface ClaimEvent {
  /** The screening's id, or null when the id is not in the catalogue (then it is whatever a client sent). */
  screening: string | null;
  /** `claimed`, or the refusal's code (`sold_out`, `seat_taken`, `window_not_open`…). */
  outcome: string;
  /** A retried claim answered with the ticket its Idempotency-Key already got. */
  replayed: boolean;
  /** Milliseconds from the request reaching the claim route to its answer. */
  ms: number;
}

export type StaffAction = 'check_in' | 'check_in_sync' | 'booking' | 'booking_cancel' | 'export' | 'rebuild' | 'restore' | 'purge' | 'roster_upload' | 'roster_apply';

export interface StaffActionEvent {
  action: StaffAction;
  screening: string | null;
  /** `ok`, or the refusal's code. */
  outcome: string;
  /** How many seats, tickets or rows the action touched: `{ seats: 3 }`, `{ released: 1, promoted: 0 }`… */
  counts: Record<string, number>;
  ms: number;
}

export function claimLogRecord({ screening, outcome, replayed, ms }: ClaimEvent) {
  return { event: 'claim', screening, outcome, replayed, ms } as const;
}

export function staffActionLogRecord({ action, screening, outcome, counts, ms }: StaffActionEvent) {
  const numbers = Object.fromEntries(Object.entries(counts).filter(([, value]) => Number.isFinite(value)));
  return { event: 'staff', action, screening, outcome, counts: numbers, ms } as const;
}

/**
 * One claim in Analytics Engine (docs/operations.md › Logs and metrics has the SQL): indexed (sampled) by
 * screening; blob1 the screening, blob2 the outcome; double1 = 1 (a count that survives sampling through
 * `_sample_interval`), double2 the milliseconds, double3 = 1 for a replay.
 */
export function claimDataPoint({ screening, outcome, replayed, ms }: ClaimEvent & { screening: string }): AnalyticsEngineDataPoint {
  return { indexes: [screening], blobs: [screening, outcome], doubles: [1, ms, replayed ? 1 : 0] };
}
