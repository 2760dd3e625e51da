import { Hono } from 'hono';
// The browser build: the default one needs Node's Buffer, which workerd lacks without nodejs_compat.
import { stringify } from 'csv-stringify/browser/esm/sync';
import * as z from 'zod';
import { distinctSeatIds, resolveBookingRequest } from '../../src/cinema/booking-request.ts';
import { beijingTimeCell, SPREADSHEET_CSV_OPTIONS, ticketCells } from '../../src/cinema/spreadsheet-cells.ts';
import { screeningEndsAt } from '../../src/cinema/screening-end.ts';
import { normalizeTicketCode } from '../../src/cinema/ticket-code.ts';
import { findScreening, type Catalogue } from '../catalogue.ts';
import { doorDeviceSchema } from '../door-checkins.ts';
import type { AppEnv } from '../env.ts';
import { noteCounts, observeStaffAction } from '../observability/observe.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import { readTicket } from '../seat-store.ts';
import { audited, noteAudit } from '../staff-audit.ts';
import { confirmStaff, requireStaff } from '../staff-auth.ts';
import { ticketKeys, verifyTicketQr } from '../ticket-signing.ts';
import { ticketView } from '../views.ts';

// `device`: the door device checking in, so its own offline check-in of the ticket (made when this answer
// was lost) syncs as a replay, not a conflict with itself.
export const checkInSchema = z.union([
  z.object({ code: z.string().min(1).max(32), device: doorDeviceSchema.optional() }).strict(),
  z.object({ qr: z.string().min(1).max(200), device: doorDeviceSchema.optional() }).strict(),
]);

const seat = z.string().regex(/^\d{1,3}-\d{1,3}$/);
// A union's name as staff type it: printed on seat maps and exports, so no control characters (a pasted
// tab or NUL would otherwise be stored as typed).
const union = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^\P{Cc}+$/u, '工会名称不能含换行、制表符等控制字符');
export const bookingSchema = z
  .object({
    union,
    /** Listed seats, or a range in one row; neither books every free seat (the whole screening). */
    seats: z.array(seat).min(1).max(500).optional(),
    range: z.object({ row: z.number().int().positive(), from: z.number().int().positive(), to: z.number().int().positive() }).optional(),
  })
  .strict()
  .refine((body) => !(body.seats && body.range), { error: 'seats 与 range 只能二选一' })
  .refine((body) => !body.range || body.range.from <= body.range.to, { error: 'range.from 不能大于 range.to' });

/** A point-in-time restore: a time in the last 30 days, or a bookmark (the undo bookmark of an earlier restore). */
export const restoreSchema = z.union([
  z.object({ at: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ bookmark: z.string().regex(/^[0-9a-f-]{16,200}$/) }).strict(),
]);

/** Durable Objects keep 30 days of history for point-in-time recovery; a restore point lies in it, in the past. */
const inRestoreWindow = (at: number, now: number) => at < now && at > now - 30 * 86_400_000;

/** Releases a union's booked seats: the listed ones, or all of them. */
export const bookingCancelSchema = z.object({ union, seats: z.array(seat).min(1).max(500).optional() }).strict();

/**
 * Door staff: check-in and the screening's counts (the check-in page shows them). Operators: block bookings and their cancelling, attendance and backup
 * exports, KV rebuild. Admins also: purge and point-in-time restore (they destroy or roll back what
 * members hold). Every write and export is audited.
 */
export function staffRoutes(catalogue: Catalogue) {
  /** A ticket for another screening, named (film, start, hall) so the door can tell its holder where to go. */
  const wrongScreening = (ticketScreeningId: string) => {
    const other = catalogue.screenings.find((candidate) => candidate.id === ticketScreeningId);
    const ticketScreening = other && { id: other.id, film: other.film.title, startsAt: other.startsAt, hall: other.hall.name };
    return refusal('wrong_screening', { ticketScreeningId, ...(ticketScreening ? { ticketScreening } : {}) });
  };
  return new Hono<AppEnv>()
    .post('/screenings/:id/checkins', audited('check_in'), requireStaff('door'), observeStaffAction('check_in'), async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const body = await readJson(c, checkInSchema);
      let code: string | undefined;
      if ('qr' in body) {
        const verified = await verifyTicketQr(ticketKeys(c.env), body.qr);
        if (!verified) throw refusal('invalid_ticket_qr');
        if (verified.screeningId !== screening.id) throw wrongScreening(verified.screeningId);
        // HG1 (HMAC) tickets were issued before HG2: honoured until their screening is over, then no more.
        if (verified.version === 'HG1' && Date.now() >= screeningEndsAt(screening)) throw refusal('invalid_ticket_qr');
        code = verified.code;
      } else {
        code = normalizeTicketCode(body.code);
        if (!code) throw refusal('unknown_ticket');
      }
      noteAudit(c, { ticket: code, scanned: 'qr' in body });
      await confirmStaff(c);
      const outcome = await c.env.SCREENINGS.getByName(screening.id).checkIn(screening, { code, ...(body.device ? { device: body.device } : {}) });
      if (outcome.ok) return c.json({ result: 'valid', ticket: await ticketView(outcome.ticket, screening, c.env.TICKET_SIGNING_KEY) });
      if (outcome.refusal.code === 'unknown_ticket') {
        // A typed code from another screening: say so rather than "unknown".
        const elsewhere = await readTicket(c.env.SEATS, code);
        if (elsewhere && elsewhere.screeningId !== screening.id) throw wrongScreening(elsewhere.screeningId);
      }
      const { code: refusalCode, ...details } = outcome.refusal;
      throw refusal(refusalCode, {
        ...details,
        ...(outcome.ticket ? { ticket: await ticketView(outcome.ticket, screening, c.env.TICKET_SIGNING_KEY) } : {}),
      });
    })
    .get('/screenings/:id/stats', requireStaff('door'), async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const stats = await c.env.SCREENINGS.getByName(screening.id).stats(screening);
      return c.json({ screeningId: screening.id, startsAt: screening.startsAt, ...stats }, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/screenings/:id/bookings', audited('booking'), requireStaff('operator'), observeStaffAction('booking'), async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const body = await readJson(c, bookingSchema);
      noteAudit(c, { union: body.union, ...(body.range ? { range: body.range } : {}), ...(body.seats ? { seats: body.seats } : {}) });
      const wanted = resolveBookingRequest(screening, body);
      if (!wanted.ok) {
        const { code, ...details } = wanted.refusal;
        throw refusal(code, details);
      }
      await confirmStaff(c);
      const outcome = await c.env.SCREENINGS.getByName(screening.id).book(screening, { union: body.union, seats: wanted.seats });
      if (!outcome.ok) {
        const { code, ...details } = outcome.refusal;
        throw refusal(code, details);
      }
      const tickets = await Promise.all(outcome.tickets.map((ticket) => ticketView(ticket, screening, c.env.TICKET_SIGNING_KEY)));
      noteCounts(c, { seats: tickets.length });
      noteAudit(c, { booked: tickets.length });
      return c.json({ union: body.union, tickets }, 201);
    })
    .delete('/screenings/:id/bookings', audited('booking_cancel'), requireStaff('operator'), observeStaffAction('booking_cancel'), async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const body = await readJson(c, bookingCancelSchema);
      noteAudit(c, { union: body.union, ...(body.seats ? { seats: body.seats } : {}) });
      await confirmStaff(c);
      const outcome = await c.env.SCREENINGS.getByName(screening.id).cancelBooking(screening, {
        union: body.union,
        ...(body.seats ? { seats: distinctSeatIds(body.seats) } : {}),
      });
      if (!outcome.ok) {
        const { code, ...details } = outcome.refusal;
        throw refusal(code, details);
      }
      const seatsOf = (tickets: { seat: string }[]) => tickets.map((ticket) => ticket.seat);
      noteCounts(c, { released: outcome.released.length, promoted: outcome.promoted.length });
      noteAudit(c, { released: outcome.released.length, promoted: outcome.promoted.length });
      return c.json({ union: body.union, released: seatsOf(outcome.released), promoted: seatsOf(outcome.promoted) });
    })
    .get('/screenings/:id/attendance.csv', audited('export_attendance'), requireStaff('operator'), observeStaffAction('export'), async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const tickets = await c.env.SCREENINGS.getByName(screening.id).tickets(screening);
      const csv = stringify(
        tickets.map((ticket) => [...ticketCells(ticket), beijingTimeCell(ticket.claimedAt), beijingTimeCell(ticket.checkedInAt)]),
        { header: true, columns: ['票号', '座位', '持票人', '来源', '状态', '领票时间', '入场时间'], ...SPREADSHEET_CSV_OPTIONS },
      );
      noteCounts(c, { rows: tickets.length });
      noteAudit(c, { rows: tickets.length });
      // The BOM makes Excel read the file as UTF-8.
      return c.body(`\uFEFF${csv}`, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="attendance-${screening.id}.csv"`,
        'Cache-Control': 'no-store',
      });
    })
    .get('/screenings/:id/export.json', audited('export_backup'), requireStaff('operator'), observeStaffAction('export'), async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const backup = await c.env.SCREENINGS.getByName(screening.id).backup(screening);
      return c.json({ screeningId: screening.id, startsAt: screening.startsAt, exportedAt: new Date().toISOString(), ...backup }, 200, {
        'Cache-Control': 'no-store',
      });
    })
    .post('/screenings/:id/purge', audited('purge'), requireStaff('admin'), observeStaffAction('purge'), async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      await confirmStaff(c);
      const outcome = await c.env.SCREENINGS.getByName(screening.id).purge(screening);
      if (!outcome.ok) {
        const { code, ...details } = outcome.refusal;
        throw refusal(code, details);
      }
      noteCounts(c, { tickets: outcome.tickets });
      noteAudit(c, { tickets: outcome.tickets });
      return c.json({ screeningId: screening.id, purgedTickets: outcome.tickets });
    })
    .post('/screenings/:id/restore', audited('restore'), requireStaff('admin'), observeStaffAction('restore'), async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const body = await readJson(c, restoreSchema);
      noteAudit(c, body);
      if ('at' in body && !inRestoreWindow(Date.parse(body.at), Date.now())) throw refusal('invalid_restore_point');
      const target = 'at' in body ? { at: Date.parse(body.at) } : { bookmark: body.bookmark };
      await confirmStaff(c);
      const prepared = await c.env.SCREENINGS.getByName(screening.id).prepareRestore(screening, target);
      if (!prepared.ok) throw refusal(prepared.refusal.code);
      // The restart throws by design; a new stub reaches the restarted object.
      await c.env.SCREENINGS.getByName(screening.id).restart().catch(() => undefined);
      const restored = c.env.SCREENINGS.getByName(screening.id);
      const { queued } = await restored.rebuildSeatStore(screening);
      const forgotten = await restored.forgetKeysNotHeld(screening, prepared.keys);
      return c.json({ screeningId: screening.id, bookmark: prepared.bookmark, undoBookmark: prepared.undoBookmark, queued, forgotten }, 202);
    })
    .post('/screenings/:id/rebuild', audited('rebuild'), requireStaff('operator'), observeStaffAction('rebuild'), async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      await confirmStaff(c);
      const rebuilt = await c.env.SCREENINGS.getByName(screening.id).rebuildSeatStore(screening);
      noteCounts(c, { queued: rebuilt.queued });
      noteAudit(c, { queued: rebuilt.queued });
      return c.json(rebuilt, 202);
    });
}
