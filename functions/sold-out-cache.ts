/**
 * The sold-out shortcut, all of it in one place. At noon most claims arrive after the last seat went;
 * each Worker isolate refuses those itself, before authentication, instead of queueing them at the
 * screening's object.
 *
 * 1. The object marks any claim refusal from a full screening `soldOut: true` (counting only seats
 *    members could still take).
 * 2. The isolate that gets such an answer remembers "sold out until now + ttl" (`noteClaim`). Nothing
 *    else is shipped: no keys, no counts.
 * 3. While remembered, a claim is refused here (`refuses`), except one carrying an Idempotency-Key:
 *    for that the isolate asks the object whether it issued a ticket for the key (`issuedKey`, one
 *    lookup in a set the object keeps in memory). Only such a retry goes on, through authentication, to
 *    get its ticket back. The answer is never cached, so it holds across isolates: a ticket won
 *    through isolate B after a cancellation is found by a retry landing on isolate A, whose entry still
 *    says sold out.
 * 4. A cancellation through this isolate that frees a seat (nobody on the waitlist took it) forgets
 *    the entry (`noteCancel`); other isolates' entries run out after `ttlMs`, so a freed seat is offered
 *    to new claims at most that much later (and goes to the waitlist first anyway).
 */
export class SoldOutCache {
  private readonly until = new Map<string, number>();

  constructor(private readonly ttlMs = 2_000) {}

  /** Step 2: the object's answer to a claim. */
  noteClaim(screeningId: string, outcome: { soldOut?: boolean }, now = Date.now()): void {
    if (outcome.soldOut) this.until.set(screeningId, now + this.ttlMs);
  }

  /** Step 4: the object's answer to a cancellation. */
  noteCancel(screeningId: string, outcome: { ok: boolean; promoted?: unknown }): void {
    if (outcome.ok && !outcome.promoted) this.until.delete(screeningId);
  }

  /**
   * Step 3: whether a claim with this (well-formed) Idempotency-Key, or none, is refused as sold out
   * here. `issuedKey` asks the object, only when the screening is remembered as full and a key is sent.
   */
  async refuses(
    screeningId: string,
    idempotencyKey: string | undefined,
    issuedKey: (key: string) => Promise<boolean>,
    now = Date.now(),
  ): Promise<boolean> {
    const until = this.until.get(screeningId);
    if (until === undefined) return false;
    if (until <= now) {
      this.until.delete(screeningId);
      return false;
    }
    return idempotencyKey === undefined || !(await issuedKey(idempotencyKey));
  }
}
