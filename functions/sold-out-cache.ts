/**
 * Remembers, per Worker isolate, screenings whose object just said "sold out", so the rest of a noon
 * crowd is refused here, before authentication, instead of queueing at the object. An entry lives
 * `ttlMs`: a seat freed by a cancellation is offered again at most that much later (and goes to the
 * waitlist first anyway).
 *
 * With the entry come the Idempotency-Keys the object has issued tickets for: a retry carrying one of
 * them (a member whose answer was lost) still goes through, to get its ticket back. Every other key is
 * a new claim on a full screening.
 */
export class SoldOutCache {
  private readonly entries = new Map<string, { until: number; issuedKeys: ReadonlySet<string> }>();

  constructor(private readonly ttlMs = 2_000) {}

  remember(screeningId: string, issuedKeys: readonly string[] = [], now = Date.now()): void {
    this.entries.set(screeningId, { until: now + this.ttlMs, issuedKeys: new Set(issuedKeys) });
  }

  forget(screeningId: string): void {
    this.entries.delete(screeningId);
  }

  /** Whether a claim with this Idempotency-Key (or none) is refused as sold out without asking the object. */
  refuses(screeningId: string, idempotencyKey: string | undefined, now = Date.now()): boolean {
    const entry = this.entries.get(screeningId);
    if (entry === undefined) return false;
    if (entry.until <= now) {
      this.entries.delete(screeningId);
      return false;
    }
    return idempotencyKey === undefined || !entry.issuedKeys.has(idempotencyKey);
  }
}
