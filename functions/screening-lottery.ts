import type { CatalogueScreening } from '../src/cinema/catalogue.ts';
import { drawOrder, type LotteryEntry } from '../src/cinema/lottery-draw.ts';
import { seatDraw } from '../src/cinema/lottery-seating.ts';
import { lotteryWindowState } from '../src/cinema/lottery-window.ts';
import { newSeed, seedCommitment } from '../src/cinema/noon-queue.ts';
import type { Seat } from '../src/cinema/seat-map.ts';
import type { ObjectMeta } from './object-meta.ts';
import type { ScreeningWaitlist } from './screening-waitlist.ts';
import type { TicketRecord } from './seat-store.ts';
import type { TicketLedger } from './ticket-ledger.ts';

interface EntryRow extends Record<string, SqlStorageValue> {
  member_id: string;
  entrant: string;
  seats: number;
  weight: number;
  entered_at: number;
  result: string | null;
  ticket_codes: string | null;
}

/** A member's entry as they see it. */
export interface LotteryEntryView {
  seats: 1 | 2;
  weight: number;
  entrant: string;
  enteredAt: string;
}

/** A member's entry and, after the draw, its result (the tickets' codes: the member's, then the guest's). */
export interface LotteryEntryState {
  entry: LotteryEntryView;
  /** `excluded`: left out of the draw, suspended when it ran (no seat, no waitlist place, no result for their weight). */
  result?: { won: true; ticketCodes: string[] } | { won: false; excluded?: true };
}

/** What the draw publishes (GET …/draw): hashed entrants and weights only, never a member's id or number. */
export interface DrawRecord {
  seed: string;
  seatsOffered: number;
  entries: LotteryEntry[];
  /** Every entrant in draw order. */
  order: string[];
  /** The winners, in draw order (= the order they were seated in). */
  winners: string[];
  /** Entrants who fit by count but could not be seated: pairs with no two seats together (see LOTTERY_METHOD). */
  passedOver: string[];
  /**
   * Entrants left out of the walk: members suspended (no-show strikes) when the draw ran. They stay in
   * `entries` and `order` (the order is computed over every entry, so it still checks against the seed);
   * the winners are walked over the order without them. Absent from records drawn before it existed.
   */
  excluded?: string[];
  drawnAt: string;
}

/** A loser's final result, once claims have closed: `won` if the waitlist seated them after all. */
export interface SettledResult {
  memberId: string;
  won: boolean;
}

/** A member's lottery entry and outcome, as the object knows it (the route renders the tickets). */
export interface LotteryStatus {
  state: 'not_open' | 'open' | 'drawn';
  opensAt: string;
  drawAt: string;
  commitment?: string;
  entry?: LotteryEntryView;
  outcome?: { result: 'won'; tickets: TicketRecord[] } | { result: 'lost'; waitlistPosition?: number; excluded?: 'suspended' };
}

export type LotteryEntryOutcome =
  | { ok: true; created: boolean; status: LotteryStatus }
  | {
      ok: false;
      refusal: { code: 'not_lottery' | 'already_holds_ticket' } | { code: 'lottery_not_open'; opensAt: string } | { code: 'lottery_closed'; drawAt: string };
    };

/** What GET …/draw publishes: the commitment while open; after the draw the seed, the hashed entries and the result. */
export type PublishedDraw = { state: 'not_open' | 'open' | 'drawn'; drawAt: string; commitment?: string } & Partial<Omit<DrawRecord, 'drawnAt'>>;

/** A lottery screening before its draw: no claim or waitlist place yet (the draw gives the seats). */
export type LotteryNotDrawn = { code: 'lottery_not_drawn'; drawAt: string };

/**
 * A lottery screening's entries and draw in the object's SQLite (the rules: src/cinema/lottery-draw.ts and
 * lottery-seating.ts). One entry per member, changed in place; the seed and its commitment in meta from
 * when entries open; the draw, once, in one synchronous transaction guarded by `lottery_draw` (the record
 * it publishes), so a retried alarm, a status read racing the alarm or a restart mid-draw draws exactly
 * once: a transaction cut short leaves nothing and is run again from the same seed and entries.
 *
 * Winners are ticketed in that transaction; a pair's guest seat is a ticket with `guest_of` = the member
 * (TicketLedger), so the one-active-ticket-per-member index still holds. Losers join the waitlist in draw
 * order, a pair as the member alone: a promotion gives one freed seat, to the member (a single freed seat
 * cannot seat two together, and holding seats back for a pair would leave them empty). Entrants suspended
 * when the draw runs sit it out (`excluded`). Losers' results wait for the close (`settleLosers`): until
 * then the waitlist may still seat them.
 */
export class ScreeningLottery {
  constructor(
    private readonly sql: SqlStorage,
    private readonly meta: ObjectMeta,
    private readonly ledger: TicketLedger,
    private readonly waitlist: ScreeningWaitlist,
  ) {
    sql.exec(`CREATE TABLE IF NOT EXISTS lottery_entries (
      member_id TEXT PRIMARY KEY,
      entrant TEXT NOT NULL UNIQUE,
      seats INTEGER NOT NULL,
      weight INTEGER NOT NULL,
      entered_at INTEGER NOT NULL,
      result TEXT,
      ticket_codes TEXT
    )`);
  }

  /** A fresh seed and its commitment, made outside the transaction (hashing is async); `commitSeed` keeps the first. */
  static async drawSeed(): Promise<{ seed: string; commitment: string }> {
    const seed = newSeed();
    return { seed, commitment: await seedCommitment(seed) };
  }

  hasSeed(): boolean {
    return this.meta.get('lottery_seed') !== undefined;
  }

  commitSeed(drawn: { seed: string; commitment: string }): void {
    if (this.hasSeed()) return;
    this.meta.set('lottery_seed', drawn.seed);
    this.meta.set('lottery_commitment', drawn.commitment);
  }

  commitment(): string | undefined {
    return this.meta.get('lottery_commitment');
  }

  isDrawn(): boolean {
    return this.meta.get('lottery_draw') !== undefined;
  }

  /** The published record of the draw, once drawn. */
  drawRecord(): DrawRecord | undefined {
    const stored = this.meta.get('lottery_draw');
    return stored === undefined ? undefined : (JSON.parse(stored) as DrawRecord);
  }

  /** Enters, or changes the member's entry (it keeps its first entry time); whether it is new. */
  enter(memberId: string, entry: { entrant: string; seats: 1 | 2; weight: number }, now: number): boolean {
    const existed = this.row(memberId) !== undefined;
    this.sql.exec(
      `INSERT INTO lottery_entries (member_id, entrant, seats, weight, entered_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(member_id) DO UPDATE SET seats = excluded.seats, weight = excluded.weight`,
      memberId,
      entry.entrant,
      entry.seats,
      entry.weight,
      now,
    );
    return !existed;
  }

  withdraw(memberId: string): boolean {
    return this.sql.exec('DELETE FROM lottery_entries WHERE member_id = ?', memberId).rowsWritten > 0;
  }

  entryOf(memberId: string): LotteryEntryState | undefined {
    const row = this.row(memberId);
    if (!row) return undefined;
    const entry = { seats: row.seats as 1 | 2, weight: row.weight, entrant: row.entrant, enteredAt: new Date(row.entered_at).toISOString() };
    if (row.result === null) return { entry };
    if (row.result === 'won') return { entry, result: { won: true, ticketCodes: (row.ticket_codes ?? '').split(',') } };
    return { entry, result: row.result === 'excluded' ? { won: false, excluded: true } : { won: false } };
  }

  size(): number {
    return this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM lottery_entries').one().n;
  }

  /** The draw order of the entries from the committed seed (async: call before the transaction that draws). */
  async order(): Promise<(LotteryEntry & { memberId: string })[]> {
    const entries = this.sql
      .exec<EntryRow>('SELECT * FROM lottery_entries')
      .toArray()
      .map((row) => ({ memberId: row.member_id, entrant: row.entrant, weight: row.weight, seats: row.seats as 1 | 2 }));
    return drawOrder(this.meta.get('lottery_seed')!, entries);
  }

  /**
   * Draws, inside the caller's transaction, in `order` (from `order()`; entries cannot change in between:
   * they close at the draw time, which has passed): winners seated and ticketed, the rest onto the
   * waitlist in draw order, the record published. Members in `suspended` (looked up by the caller before
   * the transaction) are left out and listed as excluded. A member who holds a ticket already is passed
   * over (one seat per member). Answers the winners' member ids; nothing, and undefined, if drawn already.
   */
  draw(
    order: readonly (LotteryEntry & { memberId: string })[],
    {
      ledger,
      waitlist,
      seats,
      bestRow,
      now,
      suspended,
    }: { ledger: TicketLedger; waitlist: ScreeningWaitlist; seats: readonly Seat[]; bestRow: number; now: number; suspended: ReadonlySet<string> },
  ): string[] | undefined {
    if (this.isDrawn()) return undefined;
    const holders = ledger.activeMembers();
    const excluded = order.filter((entry) => suspended.has(entry.memberId));
    const drawn = order.filter((entry) => !suspended.has(entry.memberId));
    const seated = seatDraw(drawn, { seats, bestRow, taken: ledger.takenSeats(), mayHold: (entry) => !holders.has(entry.memberId) });
    const byEntrant = new Map(order.map((entry) => [entry.entrant, entry]));
    for (const { entrant, seats: [own, guest] } of seated.seated) {
      const { memberId } = byEntrant.get(entrant)!;
      const tickets: TicketRecord[] = [ledger.issue(own!, { memberId, source: 'lottery' })];
      if (guest) tickets.push(ledger.issue(guest, { guestOf: memberId, source: 'lottery' }));
      this.sql.exec("UPDATE lottery_entries SET result = 'won', ticket_codes = ? WHERE member_id = ?", tickets.map((t) => t.code).join(','), memberId);
    }
    for (const entry of excluded) this.sql.exec("UPDATE lottery_entries SET result = 'excluded' WHERE member_id = ?", entry.memberId);
    const winners = new Set(seated.winners);
    for (const entry of drawn) {
      if (winners.has(entry.entrant)) continue;
      this.sql.exec("UPDATE lottery_entries SET result = 'lost' WHERE member_id = ?", entry.memberId);
      // Passed over for holding a ticket already: nothing to wait for.
      if (!holders.has(entry.memberId)) waitlist.add(entry.memberId, now);
    }
    const record: DrawRecord = {
      seed: this.meta.get('lottery_seed')!,
      seatsOffered: seated.seatsOffered,
      entries: [...order].sort((a, b) => (a.entrant < b.entrant ? -1 : 1)).map(({ entrant, weight, seats }) => ({ entrant, weight, seats })),
      order: order.map((entry) => entry.entrant),
      winners: seated.winners,
      passedOver: seated.passedOver,
      excluded: excluded.map((entry) => entry.entrant),
      drawnAt: new Date(now).toISOString(),
    };
    this.meta.set('lottery_draw', JSON.stringify(record));
    return drawn.filter((entry) => winners.has(entry.entrant)).map((entry) => entry.memberId);
  }

  /** Drawn, and the losers' results not yet settled (`settleLosers`). */
  losersUnsettled(): boolean {
    return this.isDrawn() && this.meta.get('lottery_losers_settled_at') === undefined;
  }

  /**
   * Inside the caller's transaction, once, when no promotion can seat anyone any more (claims have closed,
   * or the purge): each loser's final result. A loser the waitlist seated (any ticket of theirs here, one
   * since cancelled too) had a seat from this screening, which counts as a win; the rest lost. Undefined
   * if settled already or not drawn.
   */
  settleLosers(now: number): SettledResult[] | undefined {
    if (!this.losersUnsettled()) return undefined;
    const seated = new Set(this.ledger.all().flatMap((ticket) => (ticket.memberId ? [ticket.memberId] : [])));
    const losers = this.sql.exec<{ member_id: string }>("SELECT member_id FROM lottery_entries WHERE result = 'lost'").toArray();
    this.meta.set('lottery_losers_settled_at', String(now));
    return losers.map(({ member_id: memberId }) => ({ memberId, won: seated.has(memberId) }));
  }

  /** Why an entry is refused now (not a lottery, before the release, after the draw time), if it is. */
  windowRefusal(screening: CatalogueScreening): Extract<LotteryEntryOutcome, { ok: false }>['refusal'] | undefined {
    if (screening.allocation !== 'lottery' || !screening.drawAt) return { code: 'not_lottery' };
    const state = lotteryWindowState(Date.now(), { releaseAt: Date.parse(screening.releaseAt), drawAt: Date.parse(screening.drawAt) });
    if (state === 'not_open') return { code: 'lottery_not_open', opensAt: screening.releaseAt };
    // Drawn already, whatever the (since moved) draw time says: a draw is made once.
    if (state === 'drawn' || this.isDrawn()) return { code: 'lottery_closed', drawAt: screening.drawAt };
    return undefined;
  }

  /** A lottery screening not yet drawn: claims and waitlist places wait for the draw. */
  notDrawn(screening: CatalogueScreening): LotteryNotDrawn | undefined {
    if (screening.allocation !== 'lottery' || !screening.drawAt || this.isDrawn()) return undefined;
    return { code: 'lottery_not_drawn', drawAt: screening.drawAt };
  }

  /** The window, the commitment and, for a member, their entry and outcome. */
  status(screening: CatalogueScreening, memberId: string | undefined): LotteryStatus {
    const drawAt = screening.drawAt!;
    const window = lotteryWindowState(Date.now(), { releaseAt: Date.parse(screening.releaseAt), drawAt: Date.parse(drawAt) });
    const commitment = this.commitment();
    const base: LotteryStatus = {
      // Past the draw time but not drawn (the draw threw): still closed to entries, not yet a result.
      // Drawn before a draw time moved later: drawn.
      state: this.isDrawn() ? 'drawn' : window === 'drawn' ? 'open' : window,
      opensAt: screening.releaseAt,
      drawAt,
      ...(commitment ? { commitment } : {}),
    };
    const mine = memberId === undefined ? undefined : this.entryOf(memberId);
    if (!mine) return base;
    if (!mine.result) return { ...base, entry: mine.entry };
    if (mine.result.won) {
      return { ...base, entry: mine.entry, outcome: { result: 'won', tickets: mine.result.ticketCodes.map((code) => this.ledger.ticket(code)!) } };
    }
    if (mine.result.excluded) return { ...base, entry: mine.entry, outcome: { result: 'lost', excluded: 'suspended' } };
    const position = this.waitlist.members().indexOf(memberId!);
    return { ...base, entry: mine.entry, outcome: { result: 'lost', ...(position >= 0 ? { waitlistPosition: position + 1 } : {}) } };
  }

  /** The public record: the commitment while open; after the draw the seed, the hashed entries, the order and the winners. */
  published(screening: CatalogueScreening): PublishedDraw {
    const { state, drawAt, commitment } = this.status(screening, undefined);
    const record = this.drawRecord();
    if (!record) return { state, drawAt, ...(commitment ? { commitment } : {}) };
    const { drawnAt: _drawnAt, ...published } = record;
    return { state, drawAt, ...(commitment ? { commitment } : {}), ...published };
  }

  /** Deletes the entries (personal data) once the screening is over; the published draw stays (hashed entrants only). */
  purge(): void {
    this.sql.exec('DELETE FROM lottery_entries');
  }

  private row(memberId: string): EntryRow | undefined {
    return this.sql.exec<EntryRow>('SELECT * FROM lottery_entries WHERE member_id = ?', memberId).toArray()[0];
  }
}
