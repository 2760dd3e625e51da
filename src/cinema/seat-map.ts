import type { Hall } from './hall-schema.ts';

/** A seat as the hall lays it out. `x` is its distance from the row's centre in seat widths (aisles count). */
export interface Seat {
  /** "5-7": row 5, seat 7. */
  id: string;
  row: number;
  number: number;
  x: number;
  accessible: boolean;
  blocked: boolean;
  /** An aisle follows this seat. */
  aisleAfter: boolean;
}

export function seatId(row: number, number: number): string {
  return `${row}-${number}`;
}

/** 5排7号 */
export function seatLabel(seat: Pick<Seat, 'row' | 'number'>): string {
  return `${seat.row}排${seat.number}号`;
}

/** Every seat of a hall, row by row, front to back. */
export function hallSeats(hall: Hall): Seat[] {
  return [...hall.rows]
    .sort((a, b) => a.row - b.row)
    .flatMap((row) => {
      const width = row.seats + row.aisleAfter.filter((n) => n < row.seats).length;
      let position = 0;
      return Array.from({ length: row.seats }, (_, i) => {
        const number = i + 1;
        const seat: Seat = {
          id: seatId(row.row, number),
          row: row.row,
          number,
          x: position - (width - 1) / 2,
          accessible: row.accessible.includes(number),
          blocked: row.blocked.includes(number),
          aisleAfter: row.aisleAfter.includes(number) && number < row.seats,
        };
        position += seat.aisleAfter ? 2 : 1;
        return seat;
      });
    });
}

/** Seats a member may ever hold: everything but blocked seats. */
export function releasableSeats(seats: readonly Seat[]): Seat[] {
  return seats.filter((seat) => !seat.blocked);
}

export function bestRowOf(hall: Hall): number {
  if (hall.bestRow) return hall.bestRow;
  const rows = hall.rows.map((row) => row.row).sort((a, b) => a - b);
  return rows[Math.min(rows.length - 1, Math.ceil(rows.length * 0.6) - 1)]!;
}

/**
 * "Best available": the free seat closest to the centre of the best rows. A seat's cost is twice its
 * distance in rows from the hall's best row plus its distance in seat widths from the row's centre, so
 * a centre seat one row off beats an edge seat in the best row. Ties go to the row behind (further from
 * the screen), then the lower seat number. Accessible places are handed out last, so they stay free for
 * those who choose them until nothing else is left.
 */
export function bestAvailableSeat(seats: readonly Seat[], taken: ReadonlySet<string>, bestRow: number): Seat | undefined {
  // One pass, no copies (it runs on every claim): the best ordinary seat, and the best accessible one
  // for when no ordinary seat is left.
  let best: Seat | undefined;
  let bestAccessible: Seat | undefined;
  const cost = (seat: Seat) => 2 * Math.abs(seat.row - bestRow) + Math.abs(seat.x);
  const better = (seat: Seat, than: Seat | undefined) => {
    if (than === undefined) return true;
    const a = cost(seat);
    const b = cost(than);
    return a < b || (a === b && (seat.row > than.row || (seat.row === than.row && seat.number < than.number)));
  };
  for (const seat of seats) {
    if (seat.blocked || taken.has(seat.id)) continue;
    if (seat.accessible) {
      if (better(seat, bestAccessible)) bestAccessible = seat;
    } else if (better(seat, best)) {
      best = seat;
    }
  }
  return best ?? bestAccessible;
}

/**
 * Up to `count` free seats nearest to `around` (rows and seat widths weigh the same), nearest first;
 * at equal distance a seat in the same row comes first, as people would rather move along than back.
 */
export function nearestFreeSeats(seats: readonly Seat[], taken: ReadonlySet<string>, around: Seat, count: number): Seat[] {
  const closer = (a: { seat: Seat; distance: number }, b: { seat: Seat; distance: number }) =>
    a.distance - b.distance ||
    Math.abs(a.seat.row - around.row) - Math.abs(b.seat.row - around.row) ||
    a.seat.row - b.seat.row ||
    a.seat.number - b.seat.number;
  // The nearest `count` kept while scanning (a seat-taken refusal runs this at noon): no sort of the hall.
  const nearest: { seat: Seat; distance: number }[] = [];
  for (const seat of seats) {
    if (seat.blocked || taken.has(seat.id) || seat.id === around.id || seat.accessible !== around.accessible) continue;
    const candidate = { seat, distance: Math.hypot(seat.row - around.row, seat.x - around.x) };
    if (nearest.length === count && closer(candidate, nearest[count - 1]!) >= 0) continue;
    let at = nearest.length;
    while (at > 0 && closer(candidate, nearest[at - 1]!) < 0) at--;
    nearest.splice(at, 0, candidate);
    if (nearest.length > count) nearest.pop();
  }
  return nearest.map(({ seat }) => seat);
}
