import { DurableObject } from 'cloudflare:workers';
import type { CatalogueScreening } from '../src/cinema/catalogue.ts';
import { decideClaim, type ClaimRefusal } from '../src/cinema/claim-decision.ts';
import { lotteryEntrant } from '../src/cinema/lottery-draw.ts';
import { lotteryWindowState } from '../src/cinema/lottery-window.ts';
import { noonQueueOpensAt, noonQueueState } from '../src/cinema/noon-queue.ts';
import { claimWindowState } from '../src/cinema/release-window.ts';
import { bestAvailableSeat, bestRowOf, hallSeats, releasableSeats, type Seat } from '../src/cinema/seat-map.ts';
import type { Env } from './env.ts';
import { KvOutbox, type KvWriter } from './kv-outbox.ts';
import { NoonQueue, type QueueEntryState } from './noon-queue.ts';
import { ObjectMeta } from './object-meta.ts';
import { ScreeningLottery, type LotteryEntryOutcome, type LotteryNotDrawn, type LotteryStatus, type PublishedDraw } from './screening-lottery.ts';
import { ScreeningWaitlist } from './screening-waitlist.ts';
import { seatMapSnapshot } from './seat-map-snapshot.ts';
import { kvKey, type SeatMapSnapshot, type TicketRecord } from './seat-store.ts';
import { TicketLedger } from './ticket-ledger.ts';
import { DoorCheckIns } from './door-checkins.ts';
import { MemberReports } from './member-reports.ts';
import { suspendedAmong } from './member-standing-check.ts';
import { isLateCancel, noShowsCountedAt } from '../src/cinema/member-standing.ts';
import { screeningEndsAt } from '../src/cinema/screening-end.ts';
import { decideSyncedCheckIn, type CheckInConflict, type DoorCheckIn } from '../src/cinema/offline-checkin.ts';

export type { LotteryEntryOutcome, LotteryStatus, PublishedDraw } from './screening-lottery.ts';

export type ClaimOutcome =
  | { ok: true; ticket: TicketRecord; replayed: boolean }
  /** `soldOut`: no seat is free, whatever the refusal; the Worker's shortcut (sold-out-cache.ts) takes it from here. */
  | { ok: false; refusal: ClaimRefusal | { code: 'claim_cancelled' } | LotteryNotDrawn; ticket?: TicketRecord; soldOut?: true };

export type CancelOutcome =
  /** `guest`: the guest's ticket (a lottery pair's), cancelled with the member's own. */
  | { ok: true; ticket: TicketRecord; promoted?: TicketRecord; guest?: TicketRecord }
  | { ok: false; refusal: { code: 'unknown_ticket' | 'already_cancelled' | 'window_closed' | 'already_checked_in' } };

export type WaitlistOutcome =
  | { ok: true; position: number }
  | { ok: false; refusal: { code: 'window_not_open' | 'window_closed' | 'screening_booked' | 'already_holds_ticket' | 'seats_available' } | LotteryNotDrawn };

export type CheckInOutcome =
  | { ok: true; ticket: TicketRecord }
  | { ok: false; refusal: { code: 'unknown_ticket' | 'ticket_cancelled' }; ticket?: TicketRecord }
  | { ok: false; refusal: { code: 'already_checked_in'; checkedInAt: string }; ticket: TicketRecord };

export type BookingOutcome =
  | { ok: true; tickets: TicketRecord[] }
  | { ok: false; refusal: { code: 'seats_unavailable'; seats: string[] } | { code: 'window_closed' } };

export type BookingCancelOutcome =
  | { ok: true; released: TicketRecord[]; promoted: TicketRecord[] }
  | { ok: false; refusal: { code: 'window_closed' } | { code: 'booking_not_found' | 'already_checked_in'; seats: string[] } };

/** One synced offline check-in, as the door is told: `conflict` says another device's earlier check-in was kept. */
export type SyncedCheckIn =
  | { code: string; at: string; result: 'checked_in' | 'replayed' | 'unknown_ticket' | 'ticket_cancelled' }
  | { code: string; at: string; result: 'conflict'; kept: { at: string; device: string } };

/** What the door downloads for a screening: every ticket's code, seat and state (no member data), and the conflicts. */
export interface DoorList {
  tickets: { code: string; seat: string; status: 'active' | 'cancelled'; checkedInAt?: string }[];
  conflicts: CheckInConflict[];
}

export type QueueJoinOutcome =
  | { ok: true; entry: QueueEntryState; commitment: string }
  | { ok: false; refusal: { code: 'queue_not_open'; opensAt: string } | { code: 'queue_closed' | 'screening_booked' | 'seat_unavailable' | 'not_first_come' } };

/** A member's place in the noon queue, and after the release what it got them (the ticket as it is now). */
export type QueueStatus = QueueEntryState & { ticket?: TicketRecord; waitlistPosition?: number };

export interface ScreeningStats {
  capacity: number;
  claimed: number;
  reserved: number;
  checkedIn: number;
  noShows: number;
  available: number;
  waitlist: number;
  /** Active tickets on seats a later deploy blocked or removed from the hall: staff should reseat them. */
  ticketsOnUnavailableSeats: { code: string; seat: string }[];
  /** Tickets two door devices checked in (offline): the earlier check-in kept, the later listed. */
  conflicts: (CheckInConflict & { seat: string })[];
}

export interface ScreeningBackup {
  tickets: TicketRecord[];
  /** In queue order; `memberId` is the keyed hash KV is keyed by, as in tickets. */
  waitlist: { position: number; memberId: string; joinedAt: string }[];
}

/**
 * One screening's seats. The only writer: every claim checks and writes in one synchronous SQLite
 * transaction, so two claims can never interleave. It composes the ticket ledger, the waitlist and
 * the KV outbox (write-through); this file is its RPC surface.
 *
 * Callers pass the catalogue entry with every call; write calls adopt it (see `adopt`).
 */
export class ScreeningObject extends DurableObject<Env> {
  /** Where write-through goes; tests swap in a failing store. */
  kv: KvWriter;
  private readonly meta: ObjectMeta;
  private readonly outbox: KvOutbox;
  private readonly ledger: TicketLedger;
  private readonly waitlist: ScreeningWaitlist;
  private readonly doorCheckIns: DoorCheckIns;
  private readonly queue: NoonQueue;
  private readonly lottery: ScreeningLottery;
  /** Reports to members' standing objects (no-shows, late cancels, draw results): functions/member-reports.ts. */
  readonly memberReports: MemberReports;
  private screening?: CatalogueScreening;
  /** The catalogue entry as last stored, to notice a change with one comparison. */
  private screeningJson?: string;
  private seats: Seat[] = [];
  /** The draw in flight, if one is (drawLotteryIfDue). */
  private drawing?: Promise<void>;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.kv = env.SEATS;
    const screeningId = () => this.screening!.id;
    this.meta = new ObjectMeta(ctx.storage.sql);
    this.outbox = new KvOutbox({
      storage: ctx.storage,
      meta: this.meta,
      kv: () => this.kv,
      renderSnapshot: (version) =>
        this.screening && { key: kvKey.seatMap(this.screening.id), value: JSON.stringify(this.snapshot(this.screening, this.seats, version)) },
      label: () => `screening ${this.screening?.id}`,
    });
    this.ledger = new TicketLedger(ctx.storage.sql, this.outbox, screeningId);
    this.waitlist = new ScreeningWaitlist(ctx.storage.sql, this.outbox, screeningId);
    this.doorCheckIns = new DoorCheckIns(ctx.storage.sql);
    this.queue = new NoonQueue(ctx.storage.sql, this.meta);
    this.lottery = new ScreeningLottery(ctx.storage.sql, this.meta, this.ledger, this.waitlist);
    this.memberReports = new MemberReports(ctx.storage.sql, this.meta);
    const stored = this.meta.get('screening');
    if (stored) this.use(JSON.parse(stored), stored);
    void ctx.blockConcurrencyWhile(async () => {
      await this.outbox.resumeAlarm();
      await this.armQueueAlarm();
      await this.armLotteryAlarm();
      await this.armReportsAlarm();
    });
  }

  // ---- RPC surface -------------------------------------------------------------------------------

  async claim(screening: CatalogueScreening, request: { memberId: string; seat?: string; idempotencyKey?: string }): Promise<ClaimOutcome> {
    this.adopt(screening);
    // Claims after the release go behind the shuffled queue: resolve it first if the alarm has not yet.
    await this.resolveQueueIfDue();
    await this.drawLotteryIfDue();
    const outcome = this.transaction((): ClaimOutcome => {
      if (request.idempotencyKey) {
        const prior = this.ledger.ticketForKey(request.memberId, request.idempotencyKey);
        // A replay answers what the first claim got; a ticket since cancelled is not a new success.
        if (prior?.status === 'cancelled') return { ok: false, refusal: { code: 'claim_cancelled' }, ticket: prior };
        if (prior) return { ok: true, ticket: prior, replayed: true };
      }
      const notDrawn = this.lottery.notDrawn(screening);
      if (notDrawn) return { ok: false, refusal: notDrawn };
      const held = this.ledger.activeTicketOf(request.memberId);
      const taken = this.ledger.takenSeats();
      const decision = decideClaim({
        now: Date.now(),
        releaseAt: Date.parse(screening.releaseAt),
        closesAt: Date.parse(screening.closesAt),
        booked: Boolean(screening.booking),
        seats: this.seats,
        bestRow: bestRowOf(screening.hall),
        taken,
        holdsTicket: held !== undefined,
        seat: request.seat,
      });
      if (!decision.ok) {
        return {
          ok: false,
          refusal: decision.refusal,
          ...(held ? { ticket: held } : {}),
          ...(this.ledger.occupancy.free === 0 ? { soldOut: true as const } : {}),
        };
      }
      const ticket = this.ledger.issue(decision.seat.id, { memberId: request.memberId, source: 'claim' });
      if (request.idempotencyKey) this.ledger.recordKey(request.memberId, request.idempotencyKey, ticket.code);
      this.waitlist.remove(request.memberId);
      return { ok: true, ticket, replayed: false };
    });
    await this.outbox.scheduleFlush();
    return outcome;
  }

  /** Whether this member's claim with this Idempotency-Key got a ticket here: the Worker's sold-out shortcut asks. */
  async issuedKey(memberId: string, key: string): Promise<boolean> {
    return this.ledger.issuedKey(memberId, key);
  }

  async cancel(screening: CatalogueScreening, request: { memberId: string; code: string }): Promise<CancelOutcome> {
    this.adopt(screening);
    // The member's seat and their guest's may free two. Standing is looked up only for a cancel that can free
    // one (the transaction checks again): a stream of made-up codes must not cost a KV read and member lookups each.
    const found = this.ledger.ticket(request.code);
    const mayFree = found?.status === 'active' && (found.memberId ?? found.guestOf) === request.memberId && Date.now() < Date.parse(screening.closesAt);
    const suspended = mayFree ? await this.suspendedOnWaitlist(2) : new Set<string>();
    const outcome = this.transaction((): CancelOutcome => {
      const found = this.ledger.ticket(request.code);
      // Someone else's ticket is as unknown to this member as a made-up code; their guest's is theirs.
      if (!found || (found.memberId ?? found.guestOf) !== request.memberId) return { ok: false, refusal: { code: 'unknown_ticket' } };
      if (found.status === 'cancelled') return { ok: false, refusal: { code: 'already_cancelled' } };
      if (found.checkedInAt !== undefined) return { ok: false, refusal: { code: 'already_checked_in' } };
      const now = Date.now();
      if (now >= Date.parse(screening.closesAt)) return { ok: false, refusal: { code: 'window_closed' } };
      const ticket = this.ledger.cancel(found.code, now);
      // Reported at once: the alarm this cancel's KV writes set delivers it.
      if (isLateCancel(now, Date.parse(screening.startsAt))) this.memberReports.enqueue(request.memberId, { screeningId: screening.id, kind: 'late_cancel', at: now });
      const promoted = this.promoteFromWaitlist(found.seat, suspended);
      // The member's own ticket takes their guest's with it (the guest came as theirs); the guest's alone does not.
      const guestHeld = found.memberId ? this.ledger.activeGuestTicketOf(found.memberId) : undefined;
      const guest = guestHeld && guestHeld.checkedInAt === undefined ? this.ledger.cancel(guestHeld.code, now) : undefined;
      if (guest) this.promoteFromWaitlist(guest.seat, suspended);
      return { ok: true, ticket, ...(promoted ? { promoted } : {}), ...(guest ? { guest } : {}) };
    });
    await this.outbox.scheduleFlush();
    return outcome;
  }

  async joinWaitlist(screening: CatalogueScreening, request: { memberId: string }): Promise<WaitlistOutcome> {
    this.adopt(screening);
    const outcome = this.transaction((): WaitlistOutcome => {
      const window = claimWindowState(Date.now(), { releaseAt: Date.parse(screening.releaseAt), closesAt: Date.parse(screening.closesAt) });
      if (window !== 'open') return { ok: false, refusal: { code: window === 'not_open' ? 'window_not_open' : 'window_closed' } };
      if (screening.booking) return { ok: false, refusal: { code: 'screening_booked' } };
      const notDrawn = this.lottery.notDrawn(screening);
      if (notDrawn) return { ok: false, refusal: notDrawn };
      if (this.ledger.activeTicketOf(request.memberId)) return { ok: false, refusal: { code: 'already_holds_ticket' } };
      if (this.ledger.occupancy.free > 0) return { ok: false, refusal: { code: 'seats_available' } };
      return { ok: true, position: this.waitlist.join(request.memberId, Date.now()) };
    });
    await this.outbox.scheduleFlush();
    return outcome;
  }

  async leaveWaitlist(screening: CatalogueScreening, request: { memberId: string }): Promise<{ ok: boolean }> {
    this.adopt(screening);
    const left = this.transaction(() => this.waitlist.leave(request.memberId));
    await this.outbox.scheduleFlush();
    return { ok: left };
  }

  /** An online check-in; `device` (the door device's id) is recorded as the one that checked the ticket in. */
  async checkIn(screening: CatalogueScreening, request: { code: string; device?: string }): Promise<CheckInOutcome> {
    this.adopt(screening);
    const outcome = this.transaction((): CheckInOutcome => {
      const ticket = this.ledger.ticket(request.code);
      if (!ticket) return { ok: false, refusal: { code: 'unknown_ticket' } };
      if (ticket.status === 'cancelled') return { ok: false, refusal: { code: 'ticket_cancelled' }, ticket };
      if (ticket.checkedInAt !== undefined) return { ok: false, refusal: { code: 'already_checked_in', checkedInAt: ticket.checkedInAt }, ticket };
      if (request.device) this.doorCheckIns.setDevice(ticket.code, request.device);
      return { ok: true, ticket: this.ledger.checkIn(ticket.code, Date.now()) };
    });
    await this.outbox.scheduleFlush();
    return outcome;
  }

  /**
   * Check-ins a door device made offline, with their original times, in one transaction. Idempotent: a
   * check-in already recorded (kept, or recorded as the later side of a conflict) changes nothing. Two
   * devices' check-ins of one ticket: the earlier is kept, whichever arrives first; the other is a conflict.
   */
  async syncCheckIns(screening: CatalogueScreening, request: { device: string; checkIns: { code: string; at: string }[] }): Promise<SyncedCheckIn[]> {
    this.adopt(screening);
    const now = Date.now();
    const results = this.transaction(() =>
      request.checkIns.map(({ code, at }): SyncedCheckIn => {
        // A device whose clock runs ahead cannot check in the future.
        const incoming: DoorCheckIn = { code, at: new Date(Math.min(Date.parse(at), now)).toISOString(), device: request.device };
        const ticket = this.ledger.ticket(code);
        const stored = ticket?.checkedInAt ? { code, at: ticket.checkedInAt, device: this.doorCheckIns.deviceOf(code) } : undefined;
        const decision = decideSyncedCheckIn(ticket && { status: ticket.status, ...(stored ? { checkIn: stored } : {}) }, incoming, this.doorCheckIns.laterOf(code));
        switch (decision.kind) {
          case 'checked_in':
          case 'earlier_wins':
            this.ledger.checkIn(code, Date.parse(incoming.at));
            this.doorCheckIns.setDevice(code, incoming.device);
            if (decision.kind === 'earlier_wins') this.doorCheckIns.recordConflict(incoming, decision.later);
            return { code, at: incoming.at, result: 'checked_in' };
          case 'conflict':
            this.doorCheckIns.recordConflict(decision.kept, incoming);
            return { code, at: incoming.at, result: 'conflict', kept: { at: decision.kept.at, device: decision.kept.device } };
          default:
            return { code, at: incoming.at, result: decision.kind };
        }
      }),
    );
    await this.outbox.scheduleFlush();
    return results;
  }

  /** The door's offline list: codes, seats and states, and the conflicts so far. */
  async doorList(_screening: CatalogueScreening): Promise<DoorList> {
    return {
      tickets: this.ledger.all().map(({ code, seat, status, checkedInAt }) => ({ code, seat, status, ...(checkedInAt ? { checkedInAt } : {}) })),
      conflicts: this.doorCheckIns.conflicts(),
    };
  }

  /** Reserves seats for a grassroots union (基层工会包场): the listed seats, or every free seat. All or nothing. */
  async book(screening: CatalogueScreening, request: { union: string; seats?: string[] }): Promise<BookingOutcome> {
    this.adopt(screening);
    const outcome = this.transaction((): BookingOutcome => {
      if (Date.now() >= Date.parse(screening.closesAt)) return { ok: false, refusal: { code: 'window_closed' } };
      const taken = this.ledger.takenSeats();
      const releasable = new Map(releasableSeats(this.seats).map((seat) => [seat.id, seat]));
      const wanted = request.seats ?? [...releasable.keys()].filter((id) => !taken.has(id));
      const unavailable = wanted.filter((id) => !releasable.has(id) || taken.has(id));
      if (unavailable.length > 0 || wanted.length === 0) return { ok: false, refusal: { code: 'seats_unavailable', seats: unavailable } };
      return { ok: true, tickets: wanted.map((seat) => this.ledger.issue(seat, { union: request.union, source: 'booking' })) };
    });
    await this.outbox.scheduleFlush();
    return outcome;
  }

  /**
   * Cancels a union's booking: all its seats, or the listed ones (all or nothing). Each freed seat goes
   * to the waitlist first, as when a member cancels; closed claims and checked-in seats are refused.
   */
  async cancelBooking(screening: CatalogueScreening, request: { union: string; seats?: string[] }): Promise<BookingCancelOutcome> {
    this.adopt(screening);
    const suspended = await this.suspendedOnWaitlist(request.seats?.length ?? this.ledger.bookedBy(request.union).length);
    const outcome = this.transaction((): BookingCancelOutcome => {
      const now = Date.now();
      if (now >= Date.parse(screening.closesAt)) return { ok: false, refusal: { code: 'window_closed' } };
      const booked = this.ledger.bookedBy(request.union);
      const chosen = request.seats ? booked.filter((ticket) => request.seats!.includes(ticket.seat)) : booked;
      const notBooked = request.seats?.filter((seat) => !booked.some((ticket) => ticket.seat === seat)) ?? [];
      if (chosen.length === 0 || notBooked.length > 0) return { ok: false, refusal: { code: 'booking_not_found', seats: notBooked } };
      const inside = chosen.filter((ticket) => ticket.checkedInAt !== undefined).map((ticket) => ticket.seat);
      if (inside.length > 0) return { ok: false, refusal: { code: 'already_checked_in', seats: inside } };
      const released: TicketRecord[] = [];
      const promoted: TicketRecord[] = [];
      for (const ticket of chosen) {
        released.push(this.ledger.cancel(ticket.code, now));
        const next = this.promoteFromWaitlist(ticket.seat, suspended);
        if (next) promoted.push(next);
      }
      return { ok: true, released, promoted };
    });
    await this.outbox.scheduleFlush();
    return outcome;
  }

  // Reads use the catalogue entry they are given and adopt nothing.

  async stats(screening: CatalogueScreening): Promise<ScreeningStats> {
    const counts = this.ledger.counts();
    const seats = hallSeats(screening.hall);
    const snapshot = this.snapshot(screening, seats, 0);
    const started = Date.now() >= Date.parse(screening.startsAt);
    const holders = counts.claimed + counts.reserved;
    return {
      capacity: snapshot.capacity,
      claimed: counts.claimed,
      reserved: screening.booking ? snapshot.capacity : counts.reserved,
      checkedIn: counts.checkedIn,
      noShows: started ? holders - counts.checkedIn : 0,
      available: snapshot.available,
      waitlist: snapshot.waitlist,
      ticketsOnUnavailableSeats: this.ticketsOnUnavailableSeats(seats),
      conflicts: this.doorCheckIns.conflicts().map((conflict) => ({ ...conflict, seat: this.ledger.ticket(conflict.code)?.seat ?? '' })),
    };
  }

  /** Every ticket, for the attendance export. */
  async tickets(_screening: CatalogueScreening): Promise<TicketRecord[]> {
    return this.ledger.all();
  }

  /** Every ticket and the waitlist, read in one step, for the staff export (the archive, recovery). */
  async backup(_screening: CatalogueScreening): Promise<ScreeningBackup> {
    return { tickets: this.ledger.all(), waitlist: this.waitlist.entries() };
  }

  /** The authoritative seat map, for operators and for checking KV against it. */
  async seatMap(screening: CatalogueScreening): Promise<SeatMapSnapshot> {
    return this.snapshot(screening, hallSeats(screening.hall), this.outbox.stateVersion());
  }

  /** Queues every KV key again, for rebuilding the seat store from this object's state. */
  async rebuildSeatStore(screening: CatalogueScreening): Promise<{ queued: number }> {
    this.adopt(screening);
    const queued = this.transaction(() => {
      const tickets = this.ledger.restage();
      this.waitlist.restage();
      this.outbox.invalidateSnapshot();
      return tickets;
    });
    await this.outbox.scheduleFlush();
    return { queued };
  }

  /**
   * Point-in-time recovery, step 1: asks storage to come back, at the object's next start, as it was at
   * `target` (a time, or a bookmark such as the undo bookmark of an earlier restore), and lists the KV
   * keys the object holds now, so that those the restored state lacks can be deleted afterwards. Storage
   * without history (local workerd) answers `unsupported` and nothing changes.
   */
  async prepareRestore(
    screening: CatalogueScreening,
    target: { at: number } | { bookmark: string },
  ): Promise<{ ok: true; bookmark: string; undoBookmark: string; keys: string[] } | { ok: false; refusal: { code: 'restore_unsupported' } }> {
    this.adopt(screening);
    try {
      const bookmark = 'at' in target ? await this.ctx.storage.getBookmarkForTime(target.at) : target.bookmark;
      const keys = this.kvKeys(screening);
      const undoBookmark = await this.ctx.storage.onNextSessionRestoreBookmark(bookmark);
      return { ok: true, bookmark, undoBookmark, keys };
    } catch (error) {
      if (error instanceof Error && error.message.includes('does not implement point-in-time recovery')) return { ok: false, refusal: { code: 'restore_unsupported' } };
      throw error;
    }
  }

  /** Step 2: ends this instance; the next call starts the object from the restored storage. Throws to its caller. */
  async restart(): Promise<void> {
    this.ctx.abort('point-in-time recovery');
  }

  /**
   * Step 3, after `rebuildSeatStore`: queues the deletion of the KV keys (listed by `prepareRestore`) that
   * the restored object no longer holds: tickets issued and waitlist places taken after the restore point.
   */
  async forgetKeysNotHeld(screening: CatalogueScreening, keys: string[]): Promise<number> {
    this.adopt(screening);
    const held = new Set(this.kvKeys(screening));
    const gone = keys.filter((key) => !held.has(key));
    this.transaction(() => gone.forEach((key) => this.outbox.delete(key)));
    await this.outbox.scheduleFlush();
    return gone.length;
  }

  /**
   * Deletes the screening's personal data once it is over and its no-shows can be counted (the end plus the
   * grace for offline doors; the retention rule in docs/security.md):
   * tickets, waitlist and idempotency records here and their KV keys. The seat-map snapshot stays: it
   * holds only seat ids and counts, which the program's totals (人次) are made of.
   */
  async purge(
    screening: CatalogueScreening,
  ): Promise<{ ok: true; tickets: number } | { ok: false; refusal: { code: 'screening_not_over' } | { code: 'purge_too_early'; purgeableAt: string } }> {
    this.adopt(screening);
    const end = screeningEndsAt(screening);
    // Not before the grace for offline doors: a check-in synced after the tickets are gone could not spare
    // its member the no-shows counted from them.
    const purgeableAt = noShowsCountedAt(end);
    if (Date.now() < purgeableAt) {
      await this.outbox.scheduleFlush(); // what adopting the entry staged
      return { ok: false, refusal: Date.now() < end ? { code: 'screening_not_over' } : { code: 'purge_too_early', purgeableAt: new Date(purgeableAt).toISOString() } };
    }
    const tickets = this.transaction(() => {
      // No-shows and the lottery's losses are counted from the tickets: before they go, if the alarm has not yet.
      this.memberReports.reportNoShows(this.ledger.all(), screening, Date.now());
      this.reportLotteryLosers(screening);
      // Freeze the seat map first: its counts (人次) outlive the tickets they were made of.
      this.meta.set('frozen_snapshot', JSON.stringify(this.snapshot(screening, this.seats, 0)));
      const purged = this.ledger.purge();
      this.doorCheckIns.purge();
      this.waitlist.purge();
      this.queue.purge();
      this.lottery.purge();
      this.meta.set('purged_at', new Date().toISOString());
      this.outbox.touch();
      return purged;
    });
    await this.outbox.scheduleFlush();
    await this.armReportsAlarm();
    return { ok: true, tickets };
  }

  // ---- the noon queue (functions/noon-queue.ts) ----------------------------------------------------

  /** Takes (or updates) the member's place in the noon queue: from 5 minutes before the release until it. */
  async joinQueue(screening: CatalogueScreening, request: { memberId: string; seat?: string }): Promise<QueueJoinOutcome> {
    this.adopt(screening);
    if (screening.allocation === 'lottery') return { ok: false, refusal: { code: 'not_first_come' } };
    const releaseAt = Date.parse(screening.releaseAt);
    const state = noonQueueState(Date.now(), releaseAt);
    if (state === 'not_open') return { ok: false, refusal: { code: 'queue_not_open', opensAt: new Date(noonQueueOpensAt(releaseAt)).toISOString() } };
    if (state === 'released') return { ok: false, refusal: { code: 'queue_closed' } };
    if (screening.booking) return { ok: false, refusal: { code: 'screening_booked' } };
    if (request.seat !== undefined && !this.ledger.occupancy.isReleasable(request.seat)) return { ok: false, refusal: { code: 'seat_unavailable' } };
    const drawn = this.queue.hasSeed() ? undefined : await NoonQueue.drawSeed();
    const entry = this.transaction(() => {
      if (drawn) this.queue.commitSeed(drawn);
      this.queue.join(request.memberId, request.seat, Date.now());
      return this.queue.entryOf(request.memberId);
    });
    await this.armQueueAlarm();
    return { ok: true, entry, commitment: this.queue.commitment()! };
  }

  /** Gives up the member's place before the release; whether they had one. */
  async leaveQueue(screening: CatalogueScreening, request: { memberId: string }): Promise<{ ok: true; left: boolean } | { ok: false; refusal: { code: 'queue_closed' } }> {
    this.adopt(screening);
    if (noonQueueState(Date.now(), Date.parse(screening.releaseAt)) === 'released') return { ok: false, refusal: { code: 'queue_closed' } };
    return { ok: true, left: this.transaction(() => this.queue.leave(request.memberId)) };
  }

  /** The member's place or outcome; after the release it resolves the queue first if the alarm has not yet. */
  async queueStatus(screening: CatalogueScreening, request: { memberId: string }): Promise<QueueStatus> {
    this.adopt(screening);
    await this.resolveQueueIfDue();
    const entry = this.queue.entryOf(request.memberId);
    if (entry.state === 'seated') return { ...entry, ticket: this.ledger.ticket(entry.ticketCode) };
    if (entry.state === 'waitlisted') {
      const position = this.waitlist.members().indexOf(request.memberId);
      return { ...entry, ...(position >= 0 ? { waitlistPosition: position + 1 } : { ticket: this.ledger.activeTicketOf(request.memberId) }) };
    }
    return entry;
  }

  /** The commit-reveal: the seed's SHA-256 from the queue's opening, the seed once resolved. */
  async queueSeed(_screening: CatalogueScreening): Promise<ReturnType<NoonQueue['published']>> {
    return this.queue.published();
  }

  /**
   * The object's one alarm: resolves the noon queue when its release has come, then writes the outbox
   * and the seat-map snapshot through to KV (rescheduling itself until KV has it all), and keeps an
   * alarm for a queue not yet resolved. A throw makes workerd retry the alarm; resolution runs once.
   */
  override async alarm(): Promise<void> {
    await this.resolveQueueIfDue();
    await this.drawLotteryIfDue();
    this.reportLotteryLosersIfFinal();
    this.reportNoShowsIfDue();
    await this.outbox.alarm();
    await this.deliverMemberReports();
    await this.armQueueAlarm();
    await this.armLotteryAlarm();
    await this.armReportsAlarm();
  }

  /** Whether everything committed has reached KV. */
  async synced(): Promise<boolean> {
    return !this.outbox.pendingWrites();
  }

  // ---- the lottery (functions/screening-lottery.ts) -------------------------------------------------

  /**
   * Enters the member, or changes their entry (seats, and the weight their standing gives now): from the
   * release until the draw time. The first entry (or status read) of the window commits the seed.
   */
  async enterLottery(screening: CatalogueScreening, request: { memberId: string; seats: 1 | 2; weight: number }): Promise<LotteryEntryOutcome> {
    this.adopt(screening);
    const refusal = this.lottery.windowRefusal(screening);
    if (refusal) return { ok: false, refusal };
    const entrant = await lotteryEntrant(screening.id, request.memberId);
    await this.commitLotterySeed();
    const created = this.transaction(() => {
      // Re-checked after the awaits: the draw may have come in between.
      if (this.lottery.windowRefusal(screening)) return undefined;
      if (this.ledger.activeTicketOf(request.memberId)) return 'holds_ticket' as const;
      return this.lottery.enter(request.memberId, { entrant, seats: request.seats, weight: request.weight }, Date.now());
    });
    if (created === undefined) return { ok: false, refusal: this.lottery.windowRefusal(screening)! };
    if (created === 'holds_ticket') return { ok: false, refusal: { code: 'already_holds_ticket' } };
    await this.armLotteryAlarm();
    return { ok: true, created, status: this.lottery.status(screening, request.memberId) };
  }

  /** Takes the member's entry back (none is fine): in the same window. */
  async withdrawLottery(screening: CatalogueScreening, request: { memberId: string }): Promise<LotteryEntryOutcome> {
    this.adopt(screening);
    const refusal = this.lottery.windowRefusal(screening);
    if (refusal) return { ok: false, refusal };
    this.transaction(() => this.lottery.withdraw(request.memberId));
    return { ok: true, created: false, status: this.lottery.status(screening, request.memberId) };
  }

  /** The member's entry and outcome; while open it commits the seed, after the draw time it draws first if the alarm has not. */
  async lotteryStatus(screening: CatalogueScreening, request: { memberId: string }): Promise<LotteryStatus | { refusal: { code: 'not_lottery' } }> {
    if (screening.allocation !== 'lottery' || !screening.drawAt) return { refusal: { code: 'not_lottery' } };
    this.adopt(screening);
    await this.openOrDrawLottery(screening);
    return this.lottery.status(screening, request.memberId);
  }

  /** The public record: the commitment while open; after the draw the seed, the hashed entries, the order and the winners. */
  async lotteryDraw(screening: CatalogueScreening): Promise<PublishedDraw | { refusal: { code: 'not_lottery' } }> {
    if (screening.allocation !== 'lottery' || !screening.drawAt) return { refusal: { code: 'not_lottery' } };
    this.adopt(screening);
    await this.openOrDrawLottery(screening);
    return this.lottery.published(screening);
  }

  // ---- state -------------------------------------------------------------------------------------

  /** One synchronous SQLite transaction; if it throws, the ledger's memory is read again from SQLite. */
  private transaction<T>(step: () => T): T {
    try {
      return this.ctx.storage.transactionSync(step);
    } catch (error) {
      this.ledger.reload();
      this.queue.reload();
      throw error;
    }
  }

  /** Resolves the noon queue if places are taken and the release has come (exactly once: see NoonQueue). */
  private async resolveQueueIfDue(): Promise<void> {
    const screening = this.screening;
    if (!this.queue.isPending() || !screening || Date.now() < Date.parse(screening.releaseAt)) return;
    // Made a lottery after places were taken: the draw gives every seat, so the places lapse (enter instead).
    if (screening.allocation === 'lottery') {
      this.transaction(() => this.queue.purge());
      return;
    }
    const order = await this.queue.order();
    this.transaction(() =>
      this.queue.resolve(order, { ledger: this.ledger, waitlist: this.waitlist, seats: this.seats, bestRow: bestRowOf(screening.hall), now: Date.now() }),
    );
    await this.outbox.scheduleFlush();
  }

  /**
   * The draw, once, when its time has come. Calls that arrive while it runs (the status reads of every
   * entrant's phone at the draw time) wait for the one in flight rather than each hashing the entries and
   * asking their standing again.
   */
  private drawLotteryIfDue(): Promise<void> {
    const screening = this.screening;
    if (screening?.allocation !== 'lottery' || !screening.drawAt || Date.now() < Date.parse(screening.drawAt) || this.lottery.isDrawn()) return Promise.resolve();
    this.drawing ??= this.drawLottery(screening).finally(() => {
      this.drawing = undefined;
    });
    return this.drawing;
  }

  /** Order and standing outside the transaction (hashing and other objects are async), the rest in one. */
  private async drawLottery(screening: CatalogueScreening): Promise<void> {
    // No one entered or looked while it was open: a seed now, revealed with its commitment.
    await this.commitLotterySeed();
    const order = await this.lottery.order();
    // Standing lives in other objects, so it is read before the transaction; a retry reads it again, and
    // only the first draw to commit counts (the transaction draws nothing once drawn).
    const suspended = await suspendedAmong(this.env, order.map((entry) => entry.memberId));
    this.transaction(() => {
      const now = Date.now();
      const winners = this.lottery.draw(order, { ledger: this.ledger, waitlist: this.waitlist, seats: this.seats, bestRow: bestRowOf(screening.hall), now, suspended });
      // A win goes to the winner's standing (their next weight) with the draw, or not at all; a loss waits
      // for the close, as the waitlist may yet seat the loser (reportLotteryLosersIfFinal).
      for (const memberId of winners ?? []) this.memberReports.enqueue(memberId, { screeningId: screening.id, kind: 'lottery_won', at: now });
      // Seats no winner could take (a pair short of two, or of two together) go down the waitlist, each to a
      // member alone, before a newcomer who never entered can claim them.
      if (winners) this.promoteIntoFreeSeats(screening, suspended);
    });
    // The alarm the KV writes set delivers the reports.
    await this.outbox.scheduleFlush();
  }

  /** Once claims have closed, no promotion can seat a loser any more: their results go to their standing (once). */
  private reportLotteryLosersIfFinal(): void {
    const screening = this.screening;
    if (!screening || !this.lottery.losersUnsettled() || Date.now() < Date.parse(screening.closesAt)) return;
    this.transaction(() => this.reportLotteryLosers(screening));
  }

  /** Inside the caller's transaction: each loser's settled result, dated by the draw (weights order draws by it). */
  private reportLotteryLosers(screening: CatalogueScreening): void {
    const record = this.lottery.drawRecord();
    const settled = this.lottery.settleLosers(Date.now());
    if (!record || !settled) return;
    const at = Date.parse(record.drawnAt);
    for (const { memberId, won } of settled) this.memberReports.enqueue(memberId, { screeningId: screening.id, kind: won ? 'lottery_won' : 'lottery_lost', at });
  }

  private async commitLotterySeed(): Promise<void> {
    if (this.lottery.hasSeed()) return;
    const drawn = await ScreeningLottery.drawSeed();
    this.transaction(() => this.lottery.commitSeed(drawn));
  }

  /** Entries open: the seed is committed (so its hash is published from the start); the draw time passed: drawn. */
  private async openOrDrawLottery(screening: CatalogueScreening): Promise<void> {
    const state = lotteryWindowState(Date.now(), { releaseAt: Date.parse(screening.releaseAt), drawAt: Date.parse(screening.drawAt!) });
    if (state === 'open') {
      await this.commitLotterySeed();
      await this.armLotteryAlarm();
    }
    if (state === 'drawn') await this.drawLotteryIfDue();
  }

  /** An alarm by the draw time once entries are open; shared with the outbox as the queue's is. */
  private async armLotteryAlarm(): Promise<void> {
    const screening = this.screening;
    if (screening?.allocation === 'lottery' && screening.drawAt && this.lottery.hasSeed() && !this.lottery.isDrawn()) {
      await this.outbox.wakeBy(Date.parse(screening.drawAt));
    }
  }

  /** An alarm by the release while the queue waits; the outbox's alarm shares it (it only ever brings it forward). */
  private async armQueueAlarm(): Promise<void> {
    if (this.queue.isPending() && this.screening) await this.outbox.wakeBy(Date.parse(this.screening.releaseAt));
  }

  /** Once the screening is over and the grace for offline doors has passed: queues its no-shows (once). */
  private reportNoShowsIfDue(): void {
    const screening = this.screening;
    if (!screening || this.memberReports.noShowsReported() || Date.now() < noShowsCountedAt(screeningEndsAt(screening))) return;
    this.transaction(() => this.memberReports.reportNoShows(this.ledger.all(), screening, Date.now()));
  }

  /** Sends queued reports to members' standing objects; what is left waits for the next alarm (armReportsAlarm). */
  private async deliverMemberReports(): Promise<void> {
    if (!this.memberReports.pending()) return;
    const next = await this.memberReports.deliver((memberId) => this.env.MEMBER_STANDING.getByName(memberId), Date.now());
    if (next !== undefined) this.meta.set('member_reports_next_at', String(next));
    else this.meta.delete('member_reports_next_at');
  }

  /**
   * Keeps the alarm by the time reports are due: queued ones now (or at their retry), a screening's
   * no-shows at its end plus the grace, for a screening members hold tickets for, a drawn lottery's losers
   * at the close. Shares the one alarm through the outbox's wakeBy, as the noon queue does.
   */
  private async armReportsAlarm(): Promise<void> {
    const screening = this.screening;
    if (this.memberReports.pending()) await this.outbox.wakeBy(Number(this.meta.get('member_reports_next_at') ?? Date.now()));
    if (screening && !this.memberReports.noShowsReported() && this.ledger.counts().claimed > 0) {
      await this.outbox.wakeBy(noShowsCountedAt(screeningEndsAt(screening)));
    }
    if (screening && this.lottery.losersUnsettled()) await this.outbox.wakeBy(Date.parse(screening.closesAt));
  }

  /**
   * Makes the caller's catalogue entry the one this object works with: write calls adopt it (it is
   * stored, so the alarm renders the seat map with the hall as deployed); read calls only read it.
   * A changed entry re-renders the seat map; a changed hall also recounts the free seats, gives seats
   * it adds to the waitlist (as a cancellation would) before any newcomer can claim them, and logs the
   * tickets left on seats members can no longer hold (blocked or removed), which the staff stats list.
   * The caller's `scheduleFlush` writes what this stages.
   */
  private adopt(screening: CatalogueScreening): void {
    const json = JSON.stringify(screening);
    if (json === this.screeningJson) return;
    const previous = this.screening;
    this.use(screening, json);
    const promoted = this.transaction(() => {
      this.meta.set('screening', json);
      if (previous === undefined) return [];
      // The hall or a whole-screening booking may have changed: the seat map is rendered again.
      this.outbox.touch();
      // Standing is not looked up here (this step is synchronous): a rare hall change promotes without it (fail open).
      return this.promoteIntoFreeSeats(screening, new Set());
    });
    if (previous === undefined || JSON.stringify(previous.hall) === JSON.stringify(screening.hall)) return;
    const stranded = this.ticketsOnUnavailableSeats(this.seats);
    console.log(
      `screening ${screening.id}: hall changed; ${promoted.length} waitlisted member(s) given a seat; ` +
        `${stranded.length} active ticket(s) on seats no longer available` +
        (stranded.length > 0 ? `: ${stranded.map((ticket) => `${ticket.code} (${ticket.seat})`).join(', ')}` : ''),
    );
  }

  private use(screening: CatalogueScreening, json: string): void {
    this.screening = screening;
    this.screeningJson = json;
    this.seats = hallSeats(screening.hall);
    this.ledger.occupancy.setHall(this.seats);
  }

  /** Active tickets on seats members could not take in this hall: blocked, or no longer in it. */
  private ticketsOnUnavailableSeats(seats: readonly Seat[]): { code: string; seat: string }[] {
    const releasable = new Set(releasableSeats(seats).map((seat) => seat.id));
    return this.ledger
      .activeSeats()
      .filter((ticket) => !releasable.has(ticket.seat))
      .map(({ code, seat }) => ({ code, seat }));
  }

  /** The ticket and member-entry keys this object writes to KV (the seat map aside). */
  private kvKeys(screening: CatalogueScreening): string[] {
    const tickets = this.ledger.all();
    const members = new Set([...tickets.flatMap((ticket) => (ticket.memberId ? [ticket.memberId] : [])), ...this.waitlist.members()]);
    return [...tickets.map((ticket) => kvKey.ticket(ticket.code)), ...[...members].map((member) => kvKey.memberTicket(member, screening.id))];
  }

  /**
   * Gives the seats free now (a deploy added or unblocked some) to the waitlist, in its order, the best
   * available seat each, as long as claims are open to members; a newcomer would otherwise take them.
   */
  private promoteIntoFreeSeats(screening: CatalogueScreening, suspended: ReadonlySet<string>): TicketRecord[] {
    const promoted: TicketRecord[] = [];
    if (screening.booking || Date.now() >= Date.parse(screening.closesAt)) return promoted;
    while (this.ledger.occupancy.free > 0) {
      const seat = bestAvailableSeat(this.seats, this.ledger.takenSeats(), bestRowOf(screening.hall));
      const next = seat && this.promoteFromWaitlist(seat.id, suspended);
      if (!next) break;
      promoted.push(next);
    }
    return promoted;
  }

  /**
   * Gives a freed seat to the first member on the waitlist who holds no ticket and is not in `suspended`
   * (from `suspendedOnWaitlist`), if members may hold it. A suspended member keeps their place: a suspension
   * that ends, or a strike staff clear, before the close lets a later seat reach them.
   */
  private promoteFromWaitlist(seat: string, suspended: ReadonlySet<string>): TicketRecord | undefined {
    // A seat a later deploy blocked or removed frees nothing members could take.
    if (!this.ledger.occupancy.isReleasable(seat)) return undefined;
    for (const memberId of this.waitlist.members()) {
      if (suspended.has(memberId)) continue;
      this.waitlist.remove(memberId);
      if (!this.ledger.activeTicketOf(memberId)) return this.ledger.issue(seat, { memberId, source: 'waitlist' });
    }
    return undefined;
  }

  /**
   * The suspended among the members at the head of the waitlist, enough of them to find `seats` members in
   * good standing (100 at a time), looked up before a transaction that may promote. A member who moves up
   * while the lookup awaits is promoted unchecked (fail open, as the lookup itself).
   */
  private async suspendedOnWaitlist(seats: number): Promise<Set<string>> {
    const waiting = this.waitlist.members();
    const suspended = new Set<string>();
    for (let from = 0; from < waiting.length && from - suspended.size < seats; from += 100) {
      for (const memberId of await suspendedAmong(this.env, waiting.slice(from, from + 100), seats - (from - suspended.size))) suspended.add(memberId);
    }
    return suspended;
  }

  private snapshot(screening: CatalogueScreening, seats: readonly Seat[], version: number): SeatMapSnapshot {
    const frozen = this.meta.get('frozen_snapshot');
    if (frozen) return { ...(JSON.parse(frozen) as SeatMapSnapshot), version, updatedAt: new Date().toISOString() };
    return seatMapSnapshot({ screening, seats, active: this.ledger.activeSeats(), waitlist: this.waitlist.size(), version, now: Date.now() });
  }
}
