import { describe, expect, it } from 'vitest';
import { lotteryWeight, type DrawResult } from '../../src/cinema/lottery-weight';

const draw = (screeningId: string, result: DrawResult['result'], day: number): DrawResult => ({ screeningId, result, at: Date.UTC(2027, 0, day) });

describe('lotteryWeight', () => {
  it('is 1 with no draws, 1 + losses since the last win, capped at 4', () => {
    expect(lotteryWeight([])).toBe(1);
    expect(lotteryWeight([draw('a', 'lost', 1)])).toBe(2);
    expect(lotteryWeight([draw('a', 'lost', 1), draw('b', 'lost', 2), draw('c', 'lost', 3)])).toBe(4);
    expect(lotteryWeight([1, 2, 3, 4, 5, 6].map((day) => draw(`s${day}`, 'lost', day)))).toBe(4);
    expect(lotteryWeight([draw('a', 'lost', 1), draw('b', 'won', 2), draw('c', 'lost', 3)])).toBe(2);
  });

  it('orders draws by when they ran, not by when their reports arrived', () => {
    const arrived = [draw('c', 'lost', 3), draw('d', 'lost', 4), draw('a', 'won', 1)];
    expect(lotteryWeight(arrived)).toBe(3);
    expect(lotteryWeight([draw('a', 'lost', 1), draw('b', 'lost', 2), draw('c', 'won', 3)].reverse())).toBe(1);
  });
});
