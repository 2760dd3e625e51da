import { claimWindowState } from './release-window.ts';
import { bestAvailableSeat, nearestFreeSeats, type Seat } from './seat-map.ts';

/** How many free seats a seat-taken refusal suggests. */
export const SUGGESTED_SEATS = 4;

export type ClaimRefusal =
  | { code: 'window_not_open'; opensAt: string }
  | { code: 'window_closed'; closedAt: string }
  | { code: 'screening_booked' }
  | { code: 'already_holds_ticket' }
  | { code: 'sold_out' }
  | { code: 'seat_taken'; suggestions: string[] }
  | { code: 'seat_unavailable' };

export type ClaimDecision = { ok: true; seat: Seat } | { ok: false; refusal: ClaimRefusal };

export interface ClaimInput {
  now: number;
  releaseAt: number;
  closesAt: number;
  /** A whole-screening booking from the catalogue: nothing is released to members. */
  booked: boolean;
  seats: readonly Seat[];
  bestRow: number;
  /** Seats held by tickets or union bookings. */
  taken: ReadonlySet<string>;
  /** The member already holds a ticket for this screening. */
  holdsTicket: boolean;
  /** The seat asked for, or undefined for best available. */
  seat?: string;
}

/**
 * Decides one claim against the screening's state: the Durable Object loads the state, calls this,
 * and writes the result in the same synchronous step, so nothing can interleave.
 */
export function decideClaim(input: ClaimInput): ClaimDecision {
  const refuse = (refusal: ClaimRefusal): ClaimDecision => ({ ok: false, refusal });
  const window = claimWindowState(input.now, input);
  if (window === 'not_open') return refuse({ code: 'window_not_open', opensAt: new Date(input.releaseAt).toISOString() });
  if (window === 'closed') return refuse({ code: 'window_closed', closedAt: new Date(input.closesAt).toISOString() });
  if (input.booked) return refuse({ code: 'screening_booked' });
  if (input.holdsTicket) return refuse({ code: 'already_holds_ticket' });

  if (input.seat === undefined) {
    const best = bestAvailableSeat(input.seats, input.taken, input.bestRow);
    return best ? { ok: true, seat: best } : refuse({ code: 'sold_out' });
  }
  const wanted = input.seats.find((seat) => seat.id === input.seat);
  if (!wanted || wanted.blocked) return refuse({ code: 'seat_unavailable' });
  if (!input.taken.has(wanted.id)) return { ok: true, seat: wanted };
  const suggestions = nearestFreeSeats(input.seats, input.taken, wanted, SUGGESTED_SEATS);
  if (suggestions.length > 0) return refuse({ code: 'seat_taken', suggestions: suggestions.map((seat) => seat.id) });
  return bestAvailableSeat(input.seats, input.taken, input.bestRow) ? refuse({ code: 'seat_taken', suggestions: [] }) : refuse({ code: 'sold_out' });
}
