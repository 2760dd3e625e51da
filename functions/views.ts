import type { CatalogueScreening } from '../src/cinema/catalogue.ts';
import { claimWindowState } from '../src/cinema/release-window.ts';
import { hallSeats, releasableSeats, seatLabel } from '../src/cinema/seat-map.ts';
import { encodeSeatStatuses } from '../src/cinema/seat-statuses.ts';
import { formatTicketCode } from '../src/cinema/ticket-code.ts';
import type { SeatMapSnapshot, TicketRecord } from './seat-store.ts';
import { ticketQrPayload } from './ticket-signing.ts';

/** What KV says of a screening's seats, or — before the first write-through — its empty state. */
export function seatMapOrInitial(screening: CatalogueScreening, snapshot: SeatMapSnapshot | null): SeatMapSnapshot {
  if (snapshot) return snapshot;
  const releasable = releasableSeats(hallSeats(screening.hall));
  const held: SeatMapSnapshot['held'] = {};
  if (screening.booking) for (const seat of releasable) held[seat.id] = 'r';
  return {
    screeningId: screening.id,
    version: 0,
    updatedAt: new Date(0).toISOString(),
    capacity: releasable.length,
    available: releasable.length - Object.keys(held).length,
    held,
    checkedIn: 0,
    waitlist: 0,
  };
}

export function screeningView(screening: CatalogueScreening, seats: SeatMapSnapshot, now: number) {
  const window = claimWindowState(now, { releaseAt: Date.parse(screening.releaseAt), closesAt: Date.parse(screening.closesAt) });
  return {
    id: screening.id,
    film: screening.film,
    hall: { id: screening.hallId, name: screening.hall.name, venue: screening.hall.venue },
    startsAt: screening.startsAt,
    releaseAt: screening.releaseAt,
    closesAt: screening.closesAt,
    allocation: screening.allocation,
    ...(screening.drawAt ? { drawAt: screening.drawAt } : {}),
    state: screening.booking ? ('booked' as const) : window,
    ...(screening.booking ? { booking: screening.booking } : {}),
    capacity: seats.capacity,
    available: seats.available,
    waitlist: seats.waitlist,
    seatsUpdatedAt: seats.updatedAt,
  };
}

/** The hall laid out row by row: labels and positions, the same for every poll, fetched once by the page. */
export function seatLayoutView(screening: CatalogueScreening) {
  const rows = new Map<number, { row: number; seats: object[] }>();
  for (const seat of hallSeats(screening.hall)) {
    if (!rows.has(seat.row)) rows.set(seat.row, { row: seat.row, seats: [] });
    rows.get(seat.row)!.seats.push({
      id: seat.id,
      label: seatLabel(seat),
      number: seat.number,
      x: seat.x,
      aisleAfter: seat.aisleAfter,
      accessible: seat.accessible,
    });
  }
  return { screeningId: screening.id, rows: [...rows.values()] };
}

/** What changes: counts and each seat's status, one character per seat in the layout's order. */
export function seatStatusesView(screening: CatalogueScreening, seats: SeatMapSnapshot) {
  return {
    screeningId: screening.id,
    version: seats.version,
    updatedAt: seats.updatedAt,
    capacity: seats.capacity,
    available: seats.available,
    waitlist: seats.waitlist,
    statuses: encodeSeatStatuses(hallSeats(screening.hall), seats.held),
  };
}

/** A ticket as its holder sees it: never the member id, always the QR payload. */
export async function ticketView(
  ticket: Pick<TicketRecord, 'code' | 'seat' | 'status'> & Partial<TicketRecord>,
  screening: CatalogueScreening,
  /** TICKET_SIGNING_KEY: the QR payload is signed with it. */
  signingKey: string,
) {
  const [row, number] = ticket.seat.split('-').map(Number) as [number, number];
  return {
    code: ticket.code,
    displayCode: formatTicketCode(ticket.code),
    status: ticket.status,
    seat: ticket.seat,
    seatLabel: seatLabel({ row, number }),
    ...(ticket.source ? { source: ticket.source } : {}),
    ...(ticket.union ? { union: ticket.union } : {}),
    ...(ticket.claimedAt ? { claimedAt: ticket.claimedAt } : {}),
    ...(ticket.cancelledAt ? { cancelledAt: ticket.cancelledAt } : {}),
    ...(ticket.checkedInAt ? { checkedInAt: ticket.checkedInAt } : {}),
    qr: await ticketQrPayload(signingKey, screening.id, ticket.code),
    screening: {
      id: screening.id,
      film: screening.film.title,
      hall: screening.hall.name,
      venue: screening.hall.venue,
      ...(screening.hall.address ? { address: screening.hall.address } : {}),
      ...(screening.hall.directions ? { directions: screening.hall.directions } : {}),
      startsAt: screening.startsAt,
      closesAt: screening.closesAt,
    },
  };
}
