import { stringify } from 'csv-stringify/sync';
import type { ScreeningBackup } from '../../functions/screening-object.ts';

/** What GET /api/staff/screenings/:id/export.json answers. */
export interface ScreeningExport extends ScreeningBackup {
  screeningId: string;
  startsAt: string;
  exportedAt: string;
}

export interface ExportFile {
  name: string;
  text: string;
}

/**
 * As the attendance export: a cell starting with = + - @ (or tab, CR) gets a leading ' so spreadsheets
 * show it as text, after control characters are dropped (union names are typed by staff).
 */
const csvOptions = { header: true, escape_formulas: true, cast: { string: (value: string) => value.replace(/\p{Cc}/gu, '') } };

/** Beijing time, as people at the cinema read it: 2026-12-02 19:30:00. */
const beijingTime = (iso?: string) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19) : '');

/**
 * One screening's archive files: the export as it came (JSON, exact times, the members' keyed ids, what a
 * recovery needs) and two CSV files for people (tickets with their check-ins, and the waitlist), in Beijing
 * time, without member ids: a spreadsheet travels further than the archive folder.
 */
export function exportFiles(data: ScreeningExport): ExportFile[] {
  const tickets = stringify(
    data.tickets.map((ticket) => [
      ticket.code,
      ticket.seat,
      ticket.union ?? '会员',
      { claim: '领票', waitlist: '候补', booking: '包场' }[ticket.source],
      ticket.status === 'cancelled' ? '已退' : ticket.checkedInAt ? '已入场' : '未入场',
      beijingTime(ticket.claimedAt),
      beijingTime(ticket.cancelledAt),
      beijingTime(ticket.checkedInAt),
    ]),
    { columns: ['票号', '座位', '持票人', '来源', '状态', '领票时间', '退票时间', '入场时间'], ...csvOptions },
  );
  const waitlist = stringify(
    data.waitlist.map((place) => [place.position, beijingTime(place.joinedAt)]),
    { columns: ['候补位次', '登记时间'], ...csvOptions },
  );
  // The BOM makes Excel read the files as UTF-8.
  return [
    { name: `${data.screeningId}.json`, text: `${JSON.stringify(data, null, 2)}\n` },
    { name: `${data.screeningId}.tickets.csv`, text: `\uFEFF${tickets}` },
    { name: `${data.screeningId}.waitlist.csv`, text: `\uFEFF${waitlist}` },
  ];
}
