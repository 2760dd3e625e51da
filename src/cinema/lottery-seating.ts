import { walkDraw, type DrawWalk, type LotteryEntry } from './lottery-draw.ts';
import type { Seat } from './seat-map.ts';

/** Lexicographic order of two ranks of equal length. */
function ranksBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

const seatCost = (seat: Seat, bestRow: number) => 2 * Math.abs(seat.row - bestRow) + Math.abs(seat.x);

/**
 * Every two seats a pair could sit in, best first (none blocked): side by side in one row with no aisle
 * between, or one behind the other (the next row of the hall, centres within half a seat). "Best" as for one
 * seat (seat-map.ts): the lower summed cost, and accessible places last: two ordinary seats (side by side,
 * else in line) before any pair using one; ties to the row behind, then the lower number.
 */
function pairsBestFirst(seats: readonly Seat[], bestRow: number): [Seat, Seat][] {
  const open = seats.filter((seat) => !seat.blocked);
  const at = new Map(open.map((seat) => [`${seat.row}:${seat.x}`, seat]));
  const byNumber = new Map(open.map((seat) => [`${seat.row}-${seat.number}`, seat]));
  const rows = [...new Set(seats.map((seat) => seat.row))].sort((a, b) => a - b);
  const nextRow = new Map(rows.slice(0, -1).map((row, i) => [row, rows[i + 1]!]));
  const ranked: { pair: [Seat, Seat]; rank: number[] }[] = [];
  const add = (pair: [Seat, Seat], inLine: boolean) =>
    ranked.push({
      pair,
      rank: [pair.some((seat) => seat.accessible) ? 1 : 0, inLine ? 1 : 0, seatCost(pair[0], bestRow) + seatCost(pair[1], bestRow), -pair[0].row, pair[0].number],
    });
  for (const seat of open) {
    const next = byNumber.get(`${seat.row}-${seat.number + 1}`);
    if (next && !seat.aisleAfter) add([seat, next], false);
    const row = nextRow.get(seat.row);
    const back = row === undefined ? undefined : [0, -0.5, 0.5].map((dx) => at.get(`${row}:${seat.x + dx}`)).find((found) => found !== undefined);
    if (back) add([seat, back], true);
  }
  return ranked.sort((a, b) => (ranksBefore(a.rank, b.rank) ? -1 : ranksBefore(b.rank, a.rank) ? 1 : 0)).map(({ pair }) => pair);
}

/**
 * Single seats best first, exactly as `bestAvailableSeat` (seat-map.ts) picks them one after another: the
 * cost, ties to the row behind, then the lower number; accessible places after every ordinary seat.
 */
function seatsBestFirst(seats: readonly Seat[], bestRow: number): Seat[] {
  const rank = (seat: Seat) => [seat.accessible ? 1 : 0, seatCost(seat, bestRow), -seat.row, seat.number];
  return seats
    .filter((seat) => !seat.blocked)
    .map((seat) => ({ seat, rank: rank(seat) }))
    .sort((a, b) => (ranksBefore(a.rank, b.rank) ? -1 : ranksBefore(b.rank, a.rank) ? 1 : 0))
    .map(({ seat }) => seat);
}

/** Two free seats for a pair (a member and their guest), who sit together (see `pairsBestFirst`); none if no two are together. */
export function pairSeats(seats: readonly Seat[], taken: ReadonlySet<string>, bestRow: number): [Seat, Seat] | undefined {
  return pairsBestFirst(seats, bestRow).find(([a, b]) => !taken.has(a.id) && !taken.has(b.id));
}

export interface SeatedDraw extends DrawWalk {
  /** Each winner's seats (the member's first), in draw order. */
  seated: { entrant: string; seats: string[] }[];
}

/**
 * The winners of a draw and their seats: walking the draw order over the free seats, each winner gets
 * the best available seat, a pair `pairSeats`; a pair with no two seats together is passed over, as is an
 * entrant `mayHold` refuses (a member who holds a ticket already), and the next may win.
 *
 * Seats are only taken during a draw, never freed, so a seat or pair found taken stays taken: each list,
 * ranked once, is walked with a cursor that never goes back (thousands of winners over a large hall).
 */
export function seatDraw<T extends LotteryEntry>(
  order: readonly T[],
  hall: { seats: readonly Seat[]; bestRow: number; taken: ReadonlySet<string>; mayHold?: (entry: T) => boolean },
): SeatedDraw & { seatsOffered: number } {
  const taken = new Set(hall.taken);
  const seatsOffered = hall.seats.filter((seat) => !seat.blocked && !taken.has(seat.id)).length;
  const singles = seatsBestFirst(hall.seats, hall.bestRow);
  let pairs: [Seat, Seat][] | undefined;
  let nextSingle = 0;
  let nextPair = 0;
  const seated: SeatedDraw['seated'] = [];
  const walk = walkDraw(order, seatsOffered, (entry) => {
    if (hall.mayHold && !hall.mayHold(entry)) return false;
    let chosen: Seat[] | undefined;
    if (entry.seats === 2) {
      pairs ??= pairsBestFirst(hall.seats, hall.bestRow);
      while (nextPair < pairs.length && pairs[nextPair]!.some((seat) => taken.has(seat.id))) nextPair++;
      chosen = pairs[nextPair];
    } else {
      while (nextSingle < singles.length && taken.has(singles[nextSingle]!.id)) nextSingle++;
      chosen = singles[nextSingle] && [singles[nextSingle]!];
    }
    if (!chosen) return false;
    const ids = chosen.map((seat) => seat.id);
    ids.forEach((id) => taken.add(id));
    seated.push({ entrant: entry.entrant, seats: ids });
    return true;
  });
  return { ...walk, seated, seatsOffered };
}
