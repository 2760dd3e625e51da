/** A seat's place in the picker's grid: its row and its horizontal position (aisles leave gaps). */
export interface GridSeat {
  id: string;
  row: number;
  x: number;
}

/**
 * The seat the arrow keys move to: left/right to the neighbour in the same row (across an aisle),
 * up/down to the seat in the row in front/behind nearest to the same position; Home/End to the row's ends.
 * Returns the current seat when there is nowhere to go.
 */
export function seatInDirection(seats: readonly GridSeat[], current: GridSeat, key: string): GridSeat {
  const rowSeats = (row: number) => seats.filter((seat) => seat.row === row).sort((a, b) => a.x - b.x);
  const rows = [...new Set(seats.map((seat) => seat.row))].sort((a, b) => a - b);
  const inRow = rowSeats(current.row);
  const index = inRow.findIndex((seat) => seat.id === current.id);
  switch (key) {
    case 'ArrowLeft':
      return inRow[index - 1] ?? current;
    case 'ArrowRight':
      return inRow[index + 1] ?? current;
    case 'Home':
      return inRow[0] ?? current;
    case 'End':
      return inRow[inRow.length - 1] ?? current;
    case 'ArrowUp':
    case 'ArrowDown': {
      const rowIndex = rows.indexOf(current.row) + (key === 'ArrowUp' ? -1 : 1);
      const target = rows[rowIndex];
      if (target === undefined) return current;
      return rowSeats(target).reduce((best, seat) => (Math.abs(seat.x - current.x) < Math.abs(best.x - current.x) ? seat : best));
    }
    default:
      return current;
  }
}
