import { walkDraw, type DrawWalk, type LotteryEntry } from './lottery-draw.ts';
import { bestAvailableSeat, type Seat } from './seat-map.ts';

/**
 * Two free seats for a pair (a member and their guest), who sit together: the best two side by side in
 * one row with no aisle between them when any exist; else the best two one behind the other (the same
 * column, adjacent rows); else none. "Best" as for one seat (seat-map.ts): the lower summed cost, and
 * accessible places last: two ordinary seats (side by side, else in line) before any pair using one.
 */
export function pairSeats(seats: readonly Seat[], taken: ReadonlySet<string>, bestRow: number): [Seat, Seat] | undefined {
  const byRow = new Map<number, Seat[]>();
  for (const seat of seats) if (!seat.blocked && !taken.has(seat.id)) byRow.set(seat.row, [...(byRow.get(seat.row) ?? []), seat]);
  let chosen: { pair: [Seat, Seat]; rank: number[] } | undefined;
  const consider = (pair: [Seat, Seat], inLine: boolean) => {
    const cost = pair.reduce((sum, seat) => sum + 2 * Math.abs(seat.row - bestRow) + Math.abs(seat.x), 0);
    // Ordinary before accessible, side by side before one behind the other, then cost; ties to the row behind, the lower number.
    const rank = [pair.some((seat) => seat.accessible) ? 1 : 0, inLine ? 1 : 0, cost, -pair[0].row, pair[0].number];
    if (!chosen || ranksBefore(rank, chosen.rank)) chosen = { pair, rank };
  };
  for (const row of byRow.values()) {
    const byNumber = new Map(row.map((seat) => [seat.number, seat]));
    for (const seat of row) {
      const next = byNumber.get(seat.number + 1);
      if (next && !seat.aisleAfter) consider([seat, next], false);
    }
  }
  // One behind the other: the next row of the hall, the seat whose centre is within half a seat.
  const rows = [...new Set(seats.map((seat) => seat.row))].sort((a, b) => a - b);
  for (let i = 0; i + 1 < rows.length; i++) {
    const behind = byRow.get(rows[i + 1]!) ?? [];
    for (const front of byRow.get(rows[i]!) ?? []) {
      const back = behind.find((seat) => Math.abs(seat.x - front.x) <= 0.5);
      if (back) consider([front, back], true);
    }
  }
  return chosen?.pair;
}

/** Lexicographic order of two ranks of equal length. */
function ranksBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

export interface SeatedDraw extends DrawWalk {
  /** Each winner's seats (the member's first), in draw order. */
  seated: { entrant: string; seats: string[] }[];
}

/**
 * The winners of a draw and their seats: walking the draw order over the free seats, each winner gets
 * the best available seat, a pair `pairSeats`; a pair with no two seats together is passed over, as is an
 * entrant `mayHold` refuses (a member who holds a ticket already), and the next may win.
 */
export function seatDraw<T extends LotteryEntry>(
  order: readonly T[],
  hall: { seats: readonly Seat[]; bestRow: number; taken: ReadonlySet<string>; mayHold?: (entry: T) => boolean },
): SeatedDraw & { seatsOffered: number } {
  const taken = new Set(hall.taken);
  const seatsOffered = hall.seats.filter((seat) => !seat.blocked && !taken.has(seat.id)).length;
  const seated: SeatedDraw['seated'] = [];
  const walk = walkDraw(order, seatsOffered, (entry) => {
    if (hall.mayHold && !hall.mayHold(entry)) return false;
    const chosen = entry.seats === 2 ? pairSeats(hall.seats, taken, hall.bestRow) : [bestAvailableSeat(hall.seats, taken, hall.bestRow)];
    if (!chosen || chosen.some((seat) => seat === undefined)) return false;
    const ids = (chosen as Seat[]).map((seat) => seat.id);
    ids.forEach((id) => taken.add(id));
    seated.push({ entrant: entry.entrant, seats: ids });
    return true;
  });
  return { ...walk, seated, seatsOffered };
}
