import { describe, expect, it } from 'vitest';
import { clockOffset } from '../../src/cinema/server-clock';
import { formatCountdown, formatShanghaiTime } from '../../src/cinema/countdown';
import { icsCalendar } from '../../src/cinema/ics';
import { nextPollDelay, POLL } from '../../src/cinema/poll-delay';
import { seatInDirection, type GridSeat } from '../../src/cinema/seat-navigation';

describe('clockOffset', () => {
  it('assumes the server read its clock halfway through the round trip', () => {
    expect(clockOffset(1_000, 1_200, 61_100)).toBe(60_000);
    expect(clockOffset(1_000, 1_000, 500)).toBe(-500);
  });
});

describe('formatCountdown', () => {
  it('shows minutes and seconds, hours when needed, days when far', () => {
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(2 * 86_400_000 + 3 * 3_600_000)).toBe('2天3小时');
  });

  it('rounds up, so it reads 0:00 only when the moment has come', () => {
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });
});

describe('formatShanghaiTime', () => {
  it('writes the Shanghai date, weekday and time', () => {
    expect(formatShanghaiTime('2026-12-02T10:30:00.000Z')).toBe('12月2日 周三 18:30');
    expect(formatShanghaiTime('2026-12-31T16:05:00.000Z')).toBe('1月1日 周五 00:05');
  });
});

describe('icsCalendar', () => {
  const ics = icsCalendar(
    {
      uid: 'release-20261130@huigong',
      start: new Date('2026-11-30T04:00:00Z'),
      end: new Date('2026-11-30T04:15:00Z'),
      summary: '又快到抢票的时间了，惠工影院周一中午放票',
      location: '青岛工人疗养院; 惠工影院',
      alarmMinutes: 10,
    },
    new Date('2026-11-28T15:00:00Z'),
  );

  it('is a VCALENDAR with CRLF lines, UTC times and an alarm', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('\r\nDTSTART:20261130T040000Z\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20261128T150000Z\r\n');
    expect(ics).toContain('\r\nTRIGGER:-PT10M\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes separators and folds long lines without splitting characters', () => {
    expect(ics).toContain('LOCATION:青岛工人疗养院\\; 惠工影院');
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:又快到抢票的时间了，惠工影院周一中午放票');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});

describe('nextPollDelay', () => {
  const middle = () => 0.5;
  it('returns to the base after a good answer and doubles after a busy one, up to the cap', () => {
    expect(nextPollDelay(40_000, true, middle)).toBe(POLL.baseMs);
    expect(nextPollDelay(5_000, false, middle)).toBe(10_000);
    expect(nextPollDelay(40_000, false, middle)).toBe(POLL.maxMs);
  });

  it('spreads phones out by ±20 %', () => {
    expect(nextPollDelay(5_000, true, () => 0)).toBe(4_000);
    expect(nextPollDelay(5_000, true, () => 1)).toBe(6_000);
  });
});

describe('seatInDirection', () => {
  // Row 1: x = -2, -1, [aisle], 1, 2; row 2: x = -1.5, -0.5, 0.5, 1.5
  const seats: GridSeat[] = [
    { id: '1-1', row: 1, x: -2 },
    { id: '1-2', row: 1, x: -1 },
    { id: '1-3', row: 1, x: 1 },
    { id: '1-4', row: 1, x: 2 },
    { id: '2-1', row: 2, x: -1.5 },
    { id: '2-2', row: 2, x: -0.5 },
    { id: '2-3', row: 2, x: 0.5 },
    { id: '2-4', row: 2, x: 1.5 },
  ];
  const at = (id: string) => seats.find((s) => s.id === id)!;
  const move = (id: string, key: string) => seatInDirection(seats, at(id), key).id;

  it('moves along a row across the aisle and stops at the ends', () => {
    expect(move('1-2', 'ArrowRight')).toBe('1-3');
    expect(move('1-4', 'ArrowRight')).toBe('1-4');
    expect(move('1-1', 'ArrowLeft')).toBe('1-1');
    expect([move('2-3', 'Home'), move('2-3', 'End')]).toEqual(['2-1', '2-4']);
  });

  it('moves between rows to the nearest seat, and not past the first or last row', () => {
    expect(move('1-2', 'ArrowDown')).toBe('2-1');
    expect(move('2-3', 'ArrowUp')).toBe('1-3');
    expect(move('1-1', 'ArrowUp')).toBe('1-1');
    expect(move('2-4', 'ArrowDown')).toBe('2-4');
  });
});
