import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportFiles, type ScreeningExport } from '../../../scripts/backup/export-files.ts';

const data: ScreeningExport = {
  screeningId: '2026-12-02-film',
  startsAt: '2026-12-02T11:30:00.000Z',
  exportedAt: '2026-12-10T02:00:00.000Z',
  tickets: [
    { code: 'ABCD2345', screeningId: '2026-12-02-film', seat: '5-7', status: 'active', source: 'claim', memberId: 'keyed-hash-1', claimedAt: '2026-11-30T04:00:01.000Z', checkedInAt: '2026-12-02T11:20:00.000Z' },
    { code: 'EFGH6789', screeningId: '2026-12-02-film', seat: '5-8', status: 'cancelled', source: 'claim', memberId: 'keyed-hash-2', claimedAt: '2026-11-30T04:00:02.000Z', cancelledAt: '2026-12-01T01:00:00.000Z' },
    { code: 'JKMN2345', screeningId: '2026-12-02-film', seat: '6-1', status: 'active', source: 'booking', union: '=HYPERLINK("http://evil.example")', claimedAt: '2026-11-29T02:00:00.000Z' },
  ],
  waitlist: [{ position: 1, memberId: 'keyed-hash-3', joinedAt: '2026-11-30T04:05:00.000Z' }],
};

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, '')) as string[][];

describe('exportFiles', () => {
  it('writes the export as JSON, exactly as the route answered', () => {
    const [json] = exportFiles(data);
    expect(json!.name).toBe('2026-12-02-film.json');
    expect(JSON.parse(json!.text)).toEqual(data);
  });

  it('writes tickets with their cancellations and check-ins in Beijing time, and the waitlist, as CSV without member ids', () => {
    const [, tickets, waitlist] = exportFiles(data);
    expect(tickets!.name).toBe('2026-12-02-film.tickets.csv');
    expect(tickets!.text.startsWith('\uFEFF')).toBe(true);
    expect(csvRows(tickets!.text)).toEqual([
      ['票号', '座位', '持票人', '来源', '状态', '领票时间', '退票时间', '入场时间'],
      ['ABCD2345', '5-7', '会员', '领票', '已入场', '2026-11-30 12:00:01', '', '2026-12-02 19:20:00'],
      ['EFGH6789', '5-8', '会员', '领票', '已退', '2026-11-30 12:00:02', '2026-12-01 09:00:00', ''],
      // A union name a spreadsheet would run as a formula is written as text.
      ['JKMN2345', '6-1', '\'=HYPERLINK("http://evil.example")', '包场', '未入场', '2026-11-29 10:00:00', '', ''],
    ]);
    expect(waitlist!.name).toBe('2026-12-02-film.waitlist.csv');
    expect(csvRows(waitlist!.text)).toEqual([['候补位次', '登记时间'], ['1', '2026-11-30 12:05:00']]);
    expect(tickets!.text + waitlist!.text).not.toContain('keyed-hash');
  });
});
