/**
 * csv-stringify options for files staff open in a spreadsheet. Spreadsheets run a cell starting with
 * = + - @ (or tab, CR) as a formula: escape_formulas prefixes a '. Control characters (NUL…) are dropped
 * first (the cast runs before the escape), so none can hide a formula; union names are typed by staff.
 */
export const SPREADSHEET_CSV_OPTIONS = { escape_formulas: true, cast: { string: (value: string) => value.replace(/\p{Cc}/gu, '') } };

/** Beijing time as people at the cinema read it, 2026-12-02 19:30:00; empty for no time. */
export function beijingTimeCell(iso?: string): string {
  return iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19) : '';
}

/** How a ticket came to be (functions/seat-store.ts `TicketSource`). */
type TicketSource = 'claim' | 'queue' | 'waitlist' | 'booking' | 'lottery';

const SOURCE: Record<TicketSource, string> = { claim: '领票', queue: '排队', waitlist: '候补', booking: '包场', lottery: '抽签' };

/** A ticket's first cells in every staff sheet: 票号, 座位, 持票人, 来源, 状态. */
export function ticketCells(ticket: { code: string; seat: string; union?: string; guestOf?: string; source: TicketSource; status: string; checkedInAt?: string }): string[] {
  const state = ticket.status === 'cancelled' ? '已退' : ticket.checkedInAt ? '已入场' : '未入场';
  // A lottery pair's second seat is the member's guest (同伴).
  return [ticket.code, ticket.seat, ticket.union ?? (ticket.guestOf ? '会员同伴' : '会员'), SOURCE[ticket.source], state];
}
