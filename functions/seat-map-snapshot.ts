import type { CatalogueScreening } from '../src/cinema/catalogue.ts';
import { releasableSeats, type Seat } from '../src/cinema/seat-map.ts';
import type { SeatMapSnapshot } from './seat-store.ts';

/** The seat map the object writes to KV: who holds which seat, and the counts the pages show. */
export function seatMapSnapshot(input: {
  screening: CatalogueScreening;
  seats: readonly Seat[];
  active: readonly { seat: string; member: boolean; checkedIn: boolean }[];
  waitlist: number;
  version: number;
  now: number;
}): SeatMapSnapshot {
  const releasable = releasableSeats(input.seats);
  const held: SeatMapSnapshot['held'] = {};
  if (input.screening.booking) for (const seat of releasable) held[seat.id] = 'r';
  let checkedIn = 0;
  for (const ticket of input.active) {
    held[ticket.seat] = ticket.member ? 't' : 'r';
    if (ticket.checkedIn) checkedIn++;
  }
  // A ticket on a seat a later deploy blocked or removed holds no seat members could take.
  const heldReleasable = releasable.filter((seat) => held[seat.id] !== undefined).length;
  return {
    screeningId: input.screening.id,
    version: input.version,
    updatedAt: new Date(input.now).toISOString(),
    capacity: releasable.length,
    available: releasable.length - heldReleasable,
    held,
    checkedIn,
    waitlist: input.waitlist,
  };
}
