import type { CatalogueScreening } from './catalogue.ts';
import { seatId } from './seat-map.ts';

/** Seats `from` to `to` of one row, as staff drag across the seat map. */
export interface SeatRange {
  row: number;
  from: number;
  to: number;
}

export type BookingRequestRefusal =
  | { code: 'screening_booked_whole'; union: string }
  | { code: 'range_outside_hall'; row: number; rowSeats: number }
  | { code: 'seats_not_bookable'; seats: string[] };

/** `seats` absent: every free seat (the rest of the screening). */
export type BookingRequestDecision = { ok: true; seats?: string[] } | { ok: false; refusal: BookingRequestRefusal };

function parseSeatId(id: string): { row: number; number: number } | undefined {
  const match = /^(\d+)-(\d+)$/.exec(id);
  return match ? { row: Number(match[1]), number: Number(match[2]) } : undefined;
}

/**
 * Each listed seat once, in the order first given, with leading zeros dropped ("01-2" is seat 1-2), so a
 * seat cannot be asked for twice under two spellings.
 */
export function distinctSeatIds(ids: readonly string[]): string[] {
  return [
    ...new Set(
      ids.map((id) => {
        const seat = parseSeatId(id);
        return seat ? seatId(seat.row, seat.number) : id;
      }),
    ),
  ];
}

/**
 * Which seats a staff booking asks for, checked against the hall before anything is built or stored.
 * A screening the programme books whole for a union has no seats left to book (booking before the
 * release is fine: unions book ahead). A range must lie inside its row, so its size is bounded by the
 * hall however large `to` is; blocked seats inside it are skipped, as no one can hold them. Listed seats
 * must exist and not be blocked. Whether the seats are free is the screening object's decision.
 */
export function resolveBookingRequest(
  screening: Pick<CatalogueScreening, 'hall' | 'booking'>,
  request: { seats?: readonly string[]; range?: SeatRange },
): BookingRequestDecision {
  if (screening.booking) return { ok: false, refusal: { code: 'screening_booked_whole', union: screening.booking.union } };
  const rowOf = (row: number) => screening.hall.rows.find((r) => r.row === row);
  if (request.range) {
    const { row: rowNumber, from, to } = request.range;
    const row = rowOf(rowNumber);
    if (!row || from < 1 || to > row.seats) return { ok: false, refusal: { code: 'range_outside_hall', row: rowNumber, rowSeats: row?.seats ?? 0 } };
    const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const seats = numbers.filter((n) => !row.blocked.includes(n)).map((n) => seatId(rowNumber, n));
    if (seats.length === 0) return { ok: false, refusal: { code: 'seats_not_bookable', seats: numbers.map((n) => seatId(rowNumber, n)) } };
    return { ok: true, seats };
  }
  if (!request.seats) return { ok: true };
  const seats = distinctSeatIds(request.seats);
  const unknown = seats.filter((id) => {
    const seat = parseSeatId(id);
    const row = seat && rowOf(seat.row);
    return !seat || !row || seat.number < 1 || seat.number > row.seats || row.blocked.includes(seat.number);
  });
  if (unknown.length > 0) return { ok: false, refusal: { code: 'seats_not_bookable', seats: unknown } };
  return { ok: true, seats };
}
