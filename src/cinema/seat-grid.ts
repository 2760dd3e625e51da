/** A seat as the picker places it: `x` is its distance from the row's centre in seat widths (aisles count). */
export interface GridPlacedSeat {
  id: string;
  x: number;
}

/**
 * The picker's grid in half-seat columns, so rows offset by half a seat (odd and even widths) line up as
 * the hall has them: how many columns, and the first column of each seat (1-based; a seat spans two).
 */
export function seatColumns(rows: readonly { seats: readonly GridPlacedSeat[] }[]): { halfColumns: number; columnOf: Map<string, number> } {
  const xs = rows.flatMap((row) => row.seats.map((seat) => seat.x));
  if (xs.length === 0) return { halfColumns: 0, columnOf: new Map() };
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const columnOf = new Map(rows.flatMap((row) => row.seats.map((seat) => [seat.id, Math.round(2 * (seat.x - minX)) + 1] as const)));
  return { halfColumns: Math.round(2 * (maxX - minX)) + 2, columnOf };
}

/**
 * Seat pitch (seat plus the gap to the next, CSS px) at each zoom step. The first step is the whole hall
 * in the width (whatever that gives); the others are fixed sizes a thumb can hit, each seat at least 24 px
 * (WCAG 2.2, 2.5.8 target size) after its gap.
 */
export const SEAT_PITCH = { min: 10, fitMax: 44, steps: [30, 38, 48], max: 56 } as const;

/** The gap between two seats at a pitch: a tenth, at least 2 px so seats never touch. */
export function seatGap(pitch: number): number {
  return Math.max(2, Math.round(pitch / 10));
}

/** The pitch that fits `halfColumns` into `widthPx` (the map's width less its row labels), whole pixels. */
export function fitPitch(widthPx: number, halfColumns: number): number {
  if (halfColumns <= 0) return SEAT_PITCH.fitMax;
  const pitch = Math.floor((widthPx / halfColumns) * 2);
  return Math.min(SEAT_PITCH.fitMax, Math.max(SEAT_PITCH.min, pitch));
}

/** The next zoom step in or out from `pitch`, given the fitted pitch; the same pitch when there is none. */
export function zoomStep(pitch: number, fit: number, direction: 'in' | 'out'): number {
  const steps = [fit, ...SEAT_PITCH.steps.filter((step) => step > fit)];
  if (direction === 'in') return steps.find((step) => step > pitch) ?? pitch;
  return [...steps].reverse().find((step) => step < pitch) ?? fit;
}

/** A pinch's pitch: the pitch when the fingers went down, scaled by how far they moved apart, held to the range. */
export function pinchPitch(startPitch: number, scale: number, fit: number): number {
  return Math.min(SEAT_PITCH.max, Math.max(fit, Math.round(startPitch * scale)));
}
