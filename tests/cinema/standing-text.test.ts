import { describe, expect, it } from 'vitest';
import { memberStanding } from '../../src/cinema/member-standing';
import { formatShanghaiDate, standingText } from '../../src/cinema/standing-text';

const at = (iso: string) => Date.parse(iso);

describe('standingText', () => {
  it('says there is nothing, and the rule, for a member with no strikes', () => {
    expect(standingText({ points: 0, strikes: [] })).toEqual({ summary: '没有爽约记录。90 天内累计 3 次爽约将暂停领票 30 天。', strikes: [] });
  });

  it('names each strike, when it expires, and a suspension with the Shanghai date it ends', () => {
    const standing = memberStanding(
      [
        { screeningId: 'a', kind: 'no_show', at: at('2026-12-30T10:30:00.000Z'), recordedAt: at('2026-12-31T00:00:00.000Z') },
        { screeningId: 'b', kind: 'late_cancel', at: at('2027-01-01T08:00:00.000Z'), recordedAt: at('2027-01-01T08:00:01.000Z') },
        { screeningId: 'c', kind: 'no_show', at: at('2027-01-06T10:30:00.000Z'), recordedAt: at('2027-01-07T00:00:00.000Z') },
        { screeningId: 'd', kind: 'no_show', at: at('2027-01-08T10:30:00.000Z'), recordedAt: at('2027-01-09T00:00:00.000Z') },
      ],
      at('2027-01-10T00:00:00.000Z'),
    );
    const text = standingText(standing);
    expect(text.suspension).toBe('因 90 天内爽约累计 3 次，暂停领票、排队和抽签，2027年2月9日 0:00 起恢复（北京时间）。');
    expect(text.summary).toBe('90 天内有效的爽约：0 次（满 3 次暂停领票 30 天）。');
    expect(text.strikes[0]).toEqual({ what: '12月30日 周三 18:30 · 开场 15 分钟后仍未入场 · 1 次', state: '已计入暂停，2027年3月30日到期' });
    expect(text.strikes[1]).toEqual({ what: '1月1日 周五 16:00 · 开场前 3 小时内退票 · 0.5 次', state: '已计入暂停，2027年4月1日到期' });
    expect(text.strikes[3]).toEqual({ what: '1月8日 周五 18:30 · 开场 15 分钟后仍未入场 · 1 次', state: '已计入暂停，2027年4月8日到期' });
  });

  it('keeps a cleared strike with its reason and leaves expired ones out', () => {
    const text = standingText({
      points: 0,
      strikes: [
        { screeningId: 'a', kind: 'no_show', points: 1, at: '2026-09-01T10:30:00.000Z', expiresAt: '2026-11-30T10:30:00.000Z', status: 'expired' },
        { screeningId: 'b', kind: 'no_show', points: 1, at: '2026-12-02T10:30:00.000Z', expiresAt: '2027-03-02T10:30:00.000Z', status: 'cleared', cleared: { at: '2026-12-03T02:00:00.000Z', by: 'op', reason: '检票机离线' } },
      ],
    });
    expect(text.strikes).toEqual([{ what: '12月2日 周三 18:30 · 开场 15 分钟后仍未入场 · 1 次', state: '已撤销：检票机离线' }]);
  });
});

describe('formatShanghaiDate', () => {
  it('gives the Shanghai date, which can be the next UTC day', () => {
    expect(formatShanghaiDate('2026-12-31T16:00:00.000Z')).toBe('2027年1月1日');
    expect(formatShanghaiDate('2026-12-31T15:59:59.999Z')).toBe('2026年12月31日');
  });
});
