import { describe, expect, it } from 'vitest';
import { emptySelection, selectionClashes, selectRectangle, selectRun, toggleSeat, type SelectableSeat } from '../../src/cinema/seat-selection';

// Three rows of four seats, columns 1, 3, 5, 7 (half-seat grid); 2-2 is taken.
const seats: SelectableSeat[] = [1, 2, 3].flatMap((row) =>
  [1, 2, 3, 4].map((number) => ({ id: `${row}-${number}`, row, column: 2 * number - 1, free: !(row === 2 && number === 2) })),
);
const seat = (id: string) => seats.find((candidate) => candidate.id === id)!;
const ids = (selection: { seats: ReadonlySet<string> }) => [...selection.seats].sort();

describe('toggleSeat', () => {
  it('adds a free seat, removes it on a second click, and anchors the next run there', () => {
    const once = toggleSeat(emptySelection, seat('1-2'));
    expect(ids(once)).toEqual(['1-2']);
    expect(once.anchor).toBe('1-2');
    expect(ids(toggleSeat(once, seat('1-2')))).toEqual([]);
  });

  it('never selects a taken seat', () => {
    expect(ids(toggleSeat(emptySelection, seat('2-2')))).toEqual([]);
  });
});

describe('selectRun', () => {
  it('selects the free seats from the anchor to the target in reading order, across rows, either way', () => {
    const anchored = toggleSeat(emptySelection, seat('1-3'));
    expect(ids(selectRun(anchored, seats, seat('2-3')))).toEqual(['1-3', '1-4', '2-1', '2-3']);
    const backwards = toggleSeat(emptySelection, seat('2-3'));
    expect(ids(selectRun(backwards, seats, seat('1-3')))).toEqual(['1-3', '1-4', '2-1', '2-3']);
  });

  it('is a click when nothing was clicked before', () => {
    expect(ids(selectRun(emptySelection, seats, seat('3-1')))).toEqual(['3-1']);
  });
});

describe('selectRectangle', () => {
  it('selects the free seats between two corners, keeping what was selected', () => {
    const base = toggleSeat(emptySelection, seat('3-4'));
    expect(ids(selectRectangle(base, seats, seat('2-3'), seat('1-1')))).toEqual(['1-1', '1-2', '1-3', '2-1', '2-3', '3-4']);
  });
});

describe('selectionClashes', () => {
  it('names the selected seats taken since they were selected', () => {
    const selection = selectRectangle(emptySelection, seats, seat('1-1'), seat('1-2'));
    const later = seats.map((candidate) => (candidate.id === '1-2' ? { ...candidate, free: false } : candidate));
    expect(selectionClashes(selection, later)).toEqual(['1-2']);
    expect(selectionClashes(selection, seats)).toEqual([]);
  });
});
