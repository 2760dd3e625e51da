import type { CatalogueScreening } from './catalogue.ts';
import { maskedMemberId } from './masked-member.ts';
import { hallSeats } from './seat-map.ts';

/** free: bookable; blocked: never released; member: a member's ticket; union: booked for a union (包场). */
export type HolderState = 'free' | 'blocked' | 'member' | 'union';

/** One seat on the staff seat map: where it is, its state and who holds it (a union's name or a masked member id). */
export interface HeldSeat {
  id: string;
  row: number;
  number: number;
  x: number;
  accessible: boolean;
  state: HolderState;
  holder?: string;
  code?: string;
  checkedIn: boolean;
}

/** The ticket fields the staff seat map needs (functions/seat-store.ts TicketRecord). */
export interface HolderTicket {
  code: string;
  seat: string;
  status: 'active' | 'cancelled';
  memberId?: string;
  union?: string;
  checkedInAt?: string;
}

/**
 * Every seat of the screening's hall with its holder, from the object's tickets. A screening the
 * catalogue books whole (`booking`) holds every releasable seat for its union. Member ids are masked
 * here, in the Worker, so nothing that identifies a member reaches the console.
 */
export function heldSeats(screening: Pick<CatalogueScreening, 'hall' | 'booking'>, tickets: readonly HolderTicket[]): HeldSeat[] {
  const active = new Map(tickets.filter((ticket) => ticket.status === 'active').map((ticket) => [ticket.seat, ticket]));
  return hallSeats(screening.hall).map((seat) => {
    const place = { id: seat.id, row: seat.row, number: seat.number, x: seat.x, accessible: seat.accessible };
    const ticket = active.get(seat.id);
    if (ticket) {
      const holder = ticket.memberId ? maskedMemberId(ticket.memberId) : (ticket.union ?? '');
      return { ...place, state: ticket.memberId ? 'member' : 'union', holder, code: ticket.code, checkedIn: ticket.checkedInAt !== undefined };
    }
    if (seat.blocked) return { ...place, state: 'blocked', checkedIn: false };
    if (screening.booking) return { ...place, state: 'union', holder: screening.booking.union, checkedIn: false };
    return { ...place, state: 'free', checkedIn: false };
  });
}

/** The unions holding seats here, each with its seats and how many are unused (not checked in). */
export function unionsHolding(seats: readonly HeldSeat[]): { union: string; seats: number; unused: number }[] {
  const byUnion = new Map<string, { union: string; seats: number; unused: number }>();
  for (const seat of seats) {
    if (seat.state !== 'union' || !seat.holder || !seat.code) continue;
    const entry = byUnion.get(seat.holder) ?? { union: seat.holder, seats: 0, unused: 0 };
    entry.seats++;
    if (!seat.checkedIn) entry.unused++;
    byUnion.set(seat.holder, entry);
  }
  return [...byUnion.values()];
}
