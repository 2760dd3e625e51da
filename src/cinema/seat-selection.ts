/**
 * The staff seat map's selection (包场): a click toggles one seat, a shift-click selects the run from the
 * last clicked seat to this one in the hall's reading order, a drag selects the rectangle between two
 * seats on the picker's grid. Only seats a booking could take are ever selected.
 */

/** A seat as the staff map lays it out: row, grid column (seat-grid.ts `columnOf`) and whether it is free. */
export interface SelectableSeat {
  id: string;
  row: number;
  column: number;
  free: boolean;
}

export interface Selection {
  seats: ReadonlySet<string>;
  /** Where the next shift-click's run starts: the last seat clicked. */
  anchor?: string;
}

export const emptySelection: Selection = { seats: new Set() };

/** A click: adds or removes one free seat, which becomes the anchor. */
export function toggleSeat(selection: Selection, seat: SelectableSeat): Selection {
  if (!seat.free) return selection;
  const seats = new Set(selection.seats);
  if (seats.has(seat.id)) seats.delete(seat.id);
  else seats.add(seat.id);
  return { seats, anchor: seat.id };
}

/**
 * A shift-click: adds every free seat from the anchor to `target` in reading order (row by row, left to
 * right), as a text selection runs. With no anchor it is a click. `seats` is in reading order.
 */
export function selectRun(selection: Selection, seats: readonly SelectableSeat[], target: SelectableSeat): Selection {
  const from = seats.findIndex((seat) => seat.id === selection.anchor);
  const to = seats.findIndex((seat) => seat.id === target.id);
  if (from < 0 || to < 0) return toggleSeat(selection, target);
  const [low, high] = from <= to ? [from, to] : [to, from];
  const run = seats.slice(low, high + 1).filter((seat) => seat.free);
  return { seats: new Set([...selection.seats, ...run.map((seat) => seat.id)]), anchor: target.id };
}

/** A drag: the free seats whose row and column lie between the two corners' (inclusive), added to `base`. */
export function selectRectangle(base: Selection, seats: readonly SelectableSeat[], corner: SelectableSeat, other: SelectableSeat): Selection {
  const rows = [Math.min(corner.row, other.row), Math.max(corner.row, other.row)] as const;
  const columns = [Math.min(corner.column, other.column), Math.max(corner.column, other.column)] as const;
  const inside = seats.filter(
    (seat) => seat.free && seat.row >= rows[0] && seat.row <= rows[1] && seat.column >= columns[0] && seat.column <= columns[1],
  );
  return { seats: new Set([...base.seats, ...inside.map((seat) => seat.id)]), anchor: other.id };
}

/** Selected seats that are no longer free (taken since they were selected): the clashes to highlight. */
export function selectionClashes(selection: Selection, seats: readonly SelectableSeat[]): string[] {
  const free = new Set(seats.filter((seat) => seat.free).map((seat) => seat.id));
  return [...selection.seats].filter((id) => !free.has(id));
}
