import { stringify } from 'csv-stringify/sync';
import type { ScreeningBackup } from '../../functions/screening-object.ts';
import { beijingTimeCell, SPREADSHEET_CSV_OPTIONS, ticketCells } from '../../src/cinema/spreadsheet-cells.ts';

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

const csvOptions = { header: true, ...SPREADSHEET_CSV_OPTIONS };

/**
 * One screening's archive files: the export as it came (JSON, exact times, the members' keyed ids, what a
 * recovery needs) and two CSV files for people (tickets with their check-ins, and the waitlist), in Beijing
 * time, without member ids: a spreadsheet travels further than the archive folder.
 */
export function exportFiles(data: ScreeningExport): ExportFile[] {
  const tickets = stringify(
    data.tickets.map((ticket) => [
      ...ticketCells(ticket),
      beijingTimeCell(ticket.claimedAt),
      beijingTimeCell(ticket.cancelledAt),
      beijingTimeCell(ticket.checkedInAt),
    ]),
    { columns: ['票号', '座位', '持票人', '来源', '状态', '领票时间', '退票时间', '入场时间'], ...csvOptions },
  );
  const waitlist = stringify(
    data.waitlist.map((place) => [place.position, beijingTimeCell(place.joinedAt)]),
    { columns: ['候补位次', '登记时间'], ...csvOptions },
  );
  // The BOM makes Excel read the files as UTF-8.
  return [
    { name: `${data.screeningId}.json`, text: `${JSON.stringify(data, null, 2)}\n` },
    { name: `${data.screeningId}.tickets.csv`, text: `\uFEFF${tickets}` },
    { name: `${data.screeningId}.waitlist.csv`, text: `\uFEFF${waitlist}` },
  ];
}
