import { describe, expect, it } from 'vitest';
import { fitPitch, pinchPitch, seatColumns, seatGap, SEAT_PITCH, zoomStep } from '../../src/cinema/seat-grid';

// The sample hall's row: 16 seats, aisles after 4 and 12, so x runs from -8.5 to 8.5 in seat widths.
const row = Array.from({ length: 16 }, (_, i) => {
  const number = i + 1;
  const position = i + (number > 4 ? 1 : 0) + (number > 12 ? 1 : 0);
  return { id: `1-${number}`, x: position - 8.5 };
});

describe('seatColumns', () => {
  it('places each seat in half-seat columns, the aisles as gaps', () => {
    const { halfColumns, columnOf } = seatColumns([{ seats: row }]);
    expect(halfColumns).toBe(36);
    expect(columnOf.get('1-1')).toBe(1);
    expect(columnOf.get('1-4')).toBe(7);
    expect(columnOf.get('1-5')).toBe(11);
    expect(columnOf.get('1-16')).toBe(35);
  });

  it('lines up a row offset by half a seat', () => {
    const odd = [{ id: '2-1', x: -1 }, { id: '2-2', x: 0 }, { id: '2-3', x: 1 }];
    const even = [{ id: '1-1', x: -0.5 }, { id: '1-2', x: 0.5 }];
    const { halfColumns, columnOf } = seatColumns([{ seats: even }, { seats: odd }]);
    expect(halfColumns).toBe(6);
    expect([columnOf.get('2-1'), columnOf.get('1-1'), columnOf.get('2-2')]).toEqual([1, 2, 3]);
  });
});

describe('fitPitch and zoomStep', () => {
  it('fits the whole sample hall into a 360 px phone (300 px for seats)', () => {
    const pitch = fitPitch(300, 36);
    expect(pitch).toBe(16);
    expect(18 * pitch).toBeLessThanOrEqual(300);
  });

  it('caps the fitted pitch on a wide screen', () => {
    expect(fitPitch(1200, 36)).toBe(SEAT_PITCH.fitMax);
  });

  it('zooms in to steps whose seats are at least 24 px, and back out to the fit', () => {
    const first = zoomStep(16, 16, 'in');
    expect(first - seatGap(first)).toBeGreaterThanOrEqual(24);
    expect(zoomStep(first, 16, 'in')).toBeGreaterThan(first);
    expect(zoomStep(SEAT_PITCH.steps.at(-1)!, 16, 'in')).toBe(SEAT_PITCH.steps.at(-1));
    expect(zoomStep(first, 16, 'out')).toBe(16);
    expect(zoomStep(16, 16, 'out')).toBe(16);
  });

  it('skips steps smaller than the fit on a wide screen', () => {
    expect(zoomStep(40, 40, 'in')).toBe(48);
    expect(zoomStep(48, 40, 'out')).toBe(40);
  });

  it('follows a pinch between the fit and the largest size', () => {
    expect(pinchPitch(16, 2, 16)).toBe(32);
    expect(pinchPitch(16, 0.5, 16)).toBe(16);
    expect(pinchPitch(40, 3, 16)).toBe(SEAT_PITCH.max);
  });
});
