import { describe, expect, it } from 'vitest';
import { lotteryWindowState } from '../../src/cinema/lottery-window';

describe('lotteryWindowState', () => {
  it('is open from the release (inclusive) to the draw (exclusive)', () => {
    const times = { releaseAt: 1_000, drawAt: 2_000 };
    expect(lotteryWindowState(999, times)).toBe('not_open');
    expect(lotteryWindowState(1_000, times)).toBe('open');
    expect(lotteryWindowState(1_999, times)).toBe('open');
    expect(lotteryWindowState(2_000, times)).toBe('drawn');
  });
});
