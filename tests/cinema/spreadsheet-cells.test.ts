import { describe, expect, it } from 'vitest';
import { beijingTimeCell, ticketCells } from '../../src/cinema/spreadsheet-cells';

describe('beijingTimeCell', () => {
  it('writes an instant in Beijing time, and nothing for no time', () => {
    expect(beijingTimeCell('2026-12-02T11:30:00.000Z')).toBe('2026-12-02 19:30:00');
    expect(beijingTimeCell('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00:00');
    expect(beijingTimeCell(undefined)).toBe('');
  });
});

describe('ticketCells', () => {
  it('names the holder, the source and the state of a ticket', () => {
    expect(ticketCells({ code: 'ABCD2345', seat: '7-8', source: 'claim', status: 'active' })).toEqual(['ABCD2345', '7-8', '会员', '领票', '未入场']);
    expect(ticketCells({ code: 'ABCD2346', seat: '5-1', union: '港务工会', source: 'booking', status: 'active', checkedInAt: '2026-12-02T10:20:00.000Z' })).toEqual([
      'ABCD2346',
      '5-1',
      '港务工会',
      '包场',
      '已入场',
    ]);
    expect(ticketCells({ code: 'ABCD2347', seat: '6-2', source: 'waitlist', status: 'cancelled' })).toEqual(['ABCD2347', '6-2', '会员', '候补', '已退']);
    expect(ticketCells({ code: 'ABCD2348', seat: '6-3', source: 'lottery', guestOf: 'm', status: 'active' })).toEqual(['ABCD2348', '6-3', '会员同伴', '抽签', '未入场']);
  });
});
