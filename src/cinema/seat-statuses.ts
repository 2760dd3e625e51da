import type { Seat } from './seat-map.ts';

/**
 * A screening's seat statuses as one character per seat, in the hall's layout order (row by row, seat
 * by seat): what phones poll every few seconds at noon. A 300-seat hall is 300 bytes, not the 30 KB
 * of the map with its labels and positions, which the page fetches once (GET …/layout).
 */
export type SeatStatus = 'free' | 'taken' | 'reserved' | 'blocked';

const CODES: Record<SeatStatus, string> = { free: 'f', taken: 't', reserved: 'r', blocked: 'b' };
const STATUSES: Partial<Record<string, SeatStatus>> = { f: 'free', t: 'taken', r: 'reserved', b: 'blocked' };

/** Each seat's status from who holds it ('t' a member's ticket, 'r' a union's reservation). */
export function encodeSeatStatuses(seats: readonly Seat[], held: Readonly<Record<string, 't' | 'r'>>): string {
  return seats.map((seat) => (seat.blocked ? CODES.blocked : (held[seat.id] ?? CODES.free))).join('');
}

type Rows<S> = readonly { row: number; seats: readonly S[] }[];

/**
 * The layout's rows with each seat's status decoded; undefined when the statuses do not fit the
 * layout (a new catalogue was deployed: fetch the layout again).
 */
export function withSeatStatuses<S extends object>(rows: Rows<S>, encoded: string): { row: number; seats: (S & { status: SeatStatus })[] }[] | undefined {
  const statuses = Array.from(encoded, (code) => STATUSES[code]);
  if (statuses.length !== rows.reduce((n, row) => n + row.seats.length, 0) || statuses.includes(undefined)) return undefined;
  let i = 0;
  return rows.map((row) => ({ row: row.row, seats: row.seats.map((seat) => ({ ...seat, status: statuses[i++]! })) }));
}
