/**
 * The sold-out shortcut, all of it in one place. At noon most claims arrive after the last seat went;
 * each Worker isolate refuses those itself instead of queueing them at the screening's object.
 *
 * 1. The object marks any claim refusal from a full screening `soldOut: true` (counting only seats
 *    members could still take).
 * 2. The isolate that gets such an answer remembers "sold out until now + ttl" (`noteClaim`). Nothing
 *    else is shipped: no keys, no counts.
 * 3. While remembered (`remembers`), a claim is refused from memory, before authentication and at no
 *    cost to the object, unless it could be a retry: it carries an Idempotency-Key and a session cookie
 *    we signed that has not ended (the signature checked, no roster read). Such a claim first passes the
 *    member's rate limits, then the isolate asks the object whether this member's claim with this key
 *    got a ticket (`refuses`, which calls
 *    `issuedKey(memberId, key)`: one lookup in a set the object keeps in memory). Keys are each member's
 *    own, so nobody learns anything about another member's keys, and one member's key lets nobody else
 *    through. Only a retry of a key that got its member a ticket goes on, through the roster check, the
 *    limits and the human check like any claim, to get that ticket back; a refusal costs no KV read. The answer is never cached, so it holds across isolates: a ticket won through isolate
 *    B after a cancellation is found by a retry landing on isolate A, whose entry still says sold out.
 * 4. A cancellation through this isolate that frees a seat (nobody on the waitlist took it) forgets
 *    the entry (`noteCancel`); other isolates' entries run out after `ttlMs`, so a freed seat is offered
 *    to new claims at most that much later (and goes to the waitlist first anyway).
 */
/** A signed-in member's claim with an Idempotency-Key: perhaps a retry of one that got a ticket. */
export interface Retry {
  memberId: string;
  key: string;
}

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

  /** Step 3, from memory: whether the screening is remembered as sold out. */
  remembers(screeningId: string, now = Date.now()): boolean {
    const until = this.until.get(screeningId);
    if (until === undefined) return false;
    if (until <= now) {
      this.until.delete(screeningId);
      return false;
    }
    return true;
  }

  /**
   * Step 3, for an authenticated claim: whether it is refused as sold out here. `issuedKey` asks the
   * object, only when the screening is remembered as full and the claim is a possible retry.
   */
  async refuses(
    screeningId: string,
    retry: Retry | undefined,
    issuedKey: (retry: Retry) => Promise<boolean>,
    now = Date.now(),
  ): Promise<boolean> {
    if (!this.remembers(screeningId, now)) return false;
    return retry === undefined || !(await issuedKey(retry));
  }
}
