/**
 * Remembers, per Worker isolate, screenings whose object just said "sold out", so the rest of a noon
 * crowd is refused here instead of queueing at the object. An entry lives `ttlMs`: a seat freed by a
 * cancellation is offered again at most that much later (and goes to the waitlist first anyway).
 */
export class SoldOutCache {
  private readonly until = new Map<string, number>();

  constructor(private readonly ttlMs = 2_000) {}

  remember(screeningId: string, now = Date.now()): void {
    this.until.set(screeningId, now + this.ttlMs);
  }

  forget(screeningId: string): void {
    this.until.delete(screeningId);
  }

  isSoldOut(screeningId: string, now = Date.now()): boolean {
    const until = this.until.get(screeningId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(screeningId);
    return false;
  }
}
