import { describe, expect, it } from 'vitest';
import { DRAW_POLL, drawDataPath, drawPollAt, drawReminder, lotteryActionInput, lotteryLine, lotteryOutcomeText, type LotteryStatusView } from '../../src/cinema/lottery-view';

const drawAt = '2026-12-04T00:00:00.000Z'; // 周五 08:00 in Shanghai
const draw = Date.parse(drawAt);
const entered: LotteryStatusView = { state: 'open', drawAt, entry: { seats: 2, weight: 3, entrant: '0123456789abcdef' } };
const won: LotteryStatusView = { ...entered, state: 'drawn', outcome: { result: 'won', tickets: [{ seatLabel: '5排7号' }, { seatLabel: '5排8号' }] } };
const lost: LotteryStatusView = { ...entered, state: 'drawn', outcome: { result: 'lost', waitlistPosition: 4 } };

describe('lotteryActionInput', () => {
  it('is open before the draw time, with the entry and the seats chosen', () => {
    expect(lotteryActionInput(drawAt, entered, draw - 1, 1)).toEqual({ drawAt, phase: 'open', entered: 2, chosenSeats: 1 });
    expect(lotteryActionInput(drawAt, undefined, draw - 1)).toEqual({ drawAt, phase: 'open' });
  });

  it('is drawing from the draw time until the page holds a drawn status, then drawn with the outcome', () => {
    expect(lotteryActionInput(drawAt, entered, draw).phase).toBe('drawing');
    expect(lotteryActionInput(drawAt, undefined, draw).phase).toBe('drawing');
    expect(lotteryActionInput(drawAt, won, draw)).toEqual({ drawAt, phase: 'drawn', entered: 2, outcome: { result: 'won' } });
    expect(lotteryActionInput(drawAt, lost, draw).outcome).toEqual({ result: 'lost', waitlistPosition: 4 });
    expect(lotteryActionInput(drawAt, { state: 'drawn', drawAt }, draw)).toEqual({ drawAt, phase: 'drawn' });
  });
});

describe('lotteryLine', () => {
  it('counts down to the draw, with the entry once made', () => {
    expect(lotteryLine(drawAt, undefined, draw - 3_723_000)).toBe('抽签时间 12月4日 周五 08:00 · 还有 1:02:03');
    expect(lotteryLine(drawAt, entered, draw - 65_000)).toBe('已报名 · 2 张 · 抽签时间 12月4日 周五 08:00 · 还有 1:05');
  });

  it('says the result is coming, then the result: the seats won or the waitlist place', () => {
    expect(lotteryLine(drawAt, entered, draw + 1)).toBe('已报名 · 2 张 · 正在出抽签结果…');
    expect(lotteryLine(drawAt, won, draw + 1)).toBe('已中签：5排7号、5排8号');
    expect(lotteryLine(drawAt, lost, draw + 1)).toBe('未中签 · 候补第 4 位');
    expect(lotteryLine(drawAt, { ...lost, outcome: { result: 'lost' } }, draw + 1)).toBe('未中签');
  });
});

describe('lotteryOutcomeText', () => {
  it('tells a winner the tickets are already theirs, and a loser their place', () => {
    expect(lotteryOutcomeText(won.outcome!)).toContain('中签！座位 5排7号、5排8号');
    expect(lotteryOutcomeText(lost.outcome!)).toContain('候补第 4 位');
    expect(lotteryOutcomeText({ result: 'lost' })).not.toContain('候补第');
  });
});

describe('a member left out of the draw, suspended when it ran', () => {
  it('is told they were not drawn, not that they lost or that their chances grow', () => {
    const excluded = { ...lost, outcome: { result: 'lost' as const, excluded: 'suspended' as const } };
    expect(lotteryLine(drawAt, excluded, draw + 1)).toBe('暂停领票期间，未参加抽签');
    const text = lotteryOutcomeText(excluded.outcome);
    expect(text).toBe('抽签结果：开奖时您处于暂停领票期间，这次没有参加抽签，也不进候补。');
    expect(text).not.toContain('机会更大');
  });
});

describe('drawPollAt', () => {
  it('asks first within the spread after the draw, then again sooner than the cap', () => {
    expect(drawPollAt(draw, 0, 0, () => 0)).toBe(draw);
    expect(drawPollAt(draw, 0, 0, () => 0.999)).toBeLessThan(draw + DRAW_POLL.spreadMs);
    expect(drawPollAt(draw, 1, draw + 500, () => 0)).toBe(draw + 500 + DRAW_POLL.retryMs);
    expect(drawPollAt(draw, 50, draw, () => 0)).toBe(draw + DRAW_POLL.maxRetryMs);
  });
});

describe('drawReminder', () => {
  const screening = { id: '2026-12-11-1830', film: { title: '示例影片丁' }, startsAt: '2026-12-11T10:30:00.000Z' };
  const ics = drawReminder(screening, drawAt, 'https://huigong.example.org/cinema/', new Date('2026-12-03T05:00:00.000Z'));

  it('is one event at the draw time with an alarm at its start, named for the screening and the site', () => {
    expect(ics).toContain('\r\nDTSTART:20261204T000000Z\r\n');
    expect(ics).toContain('\r\nUID:lottery-2026-12-11-1830@huigong.example.org\r\n');
    expect(ics).toContain('TRIGGER:PT0S');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:惠工影院抽签：示例影片丁');
  });

  it('keeps every line within 75 octets, ending in CRLF', () => {
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.endsWith('\r\n')).toBe(true);
  });
});

describe('drawDataPath', () => {
  it('is the public draw route of the screening', () => {
    expect(drawDataPath('2026-12-11-1830')).toBe('/api/screenings/2026-12-11-1830/draw');
  });
});
