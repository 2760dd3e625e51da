import { describe, expect, it } from 'vitest';
import { CINEMA_RULES } from '../../src/cinema/rules';
import { rulesInWords } from '../../src/cinema/rules-in-words';

describe('rulesInWords', () => {
  it('says the default rules as the issue does: 周一 12:00 → 周二 08:00, 周四 12:00 → 周五 08:00', () => {
    const words = rulesInWords();
    expect(words.releaseTimes).toBe('周一、周四 12:00');
    expect(words.releases).toEqual([
      { release: '周一 12:00', queueOpens: '周一 11:55', draw: '周二 08:00' },
      { release: '周四 12:00', queueOpens: '周四 11:55', draw: '周五 08:00' },
    ]);
    expect(words.maxSeatsPerEntry).toBe(CINEMA_RULES.lottery.maxSeatsPerEntry);
    expect(words.closeBeforeMinutes).toBe(CINEMA_RULES.closeBeforeMinutes);
  });

  it('tabulates the weights up to the cap, the last row open-ended', () => {
    expect(rulesInWords().weights).toEqual([
      { losses: '0 次', weight: 1 },
      { losses: '1 次', weight: 2 },
      { losses: '2 次', weight: 3 },
      { losses: '3 次及以上', weight: 4 },
    ]);
  });

  it('follows the rules when they change: a window past midnight, a queue crossing the day, another cap', () => {
    const words = rulesInWords({
      ...CINEMA_RULES,
      releaseWindows: [
        { weekday: 6, hour: 0, minute: 0 },
        { weekday: 2, hour: 9, minute: 30 },
      ],
      noonQueueOpensMinutes: 10,
      lottery: { ...CINEMA_RULES.lottery, drawDaysAfterRelease: 2, drawHour: 7, drawMinute: 5, maxWeight: 2 },
    });
    expect(words.releaseTimes).toBe('周六 00:00、周二 09:30');
    expect(words.releases[0]).toEqual({ release: '周六 00:00', queueOpens: '周五 23:50', draw: '周一 07:05' });
    expect(words.weights.map((row) => row.losses)).toEqual(['0 次', '1 次及以上']);
  });
});
