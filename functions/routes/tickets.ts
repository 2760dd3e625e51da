import { Hono } from 'hono';
import { openWaitlistPlaces } from '../../src/cinema/my-tickets.ts';
import { normalizeTicketCode } from '../../src/cinema/ticket-code.ts';
import { findScreening, type Catalogue } from '../catalogue.ts';
import type { AppEnv } from '../env.ts';
import { memberStandingOf } from '../member-standing-check.ts';
import { memberWriteLimits } from '../rate-limit.ts';
import { refusal } from '../refusals.ts';
import { readMemberTickets, readTicket } from '../seat-store.ts';
import { requireMember } from '../session.ts';
import type { SoldOutCache } from '../sold-out-cache.ts';
import { ticketView } from '../views.ts';

/**
 * A member's own tickets and waitlist places (from KV, so a change can take a few seconds to show). Places
 * whose screening's claims have closed are left out: they can no longer turn into a ticket, and KV keeps
 * them until the purge, 30 days later.
 */
export function meRoutes(catalogue: Catalogue) {
  return new Hono<AppEnv>().use(requireMember).get('/tickets', async (c) => {
    const entries = await readMemberTickets(c.env.SEATS, c.get('memberId'));
    const tickets = [];
    const waitlist = [];
    for (const screening of catalogue.screenings) {
      const entry = entries.get(screening.id);
      if (entry?.kind === 'ticket') {
        // Always said, null until the door checks it in: the list tells outright whether the ticket was used.
        tickets.push({ ...(await ticketView(entry, screening, c.env.TICKET_SIGNING_KEY)), checkedInAt: entry.checkedInAt ?? null });
      }
      if (entry?.kind === 'waitlist') {
        waitlist.push({
          screeningId: screening.id,
          film: screening.film.title,
          startsAt: screening.startsAt,
          closesAt: screening.closesAt,
          joinedAt: entry.joinedAt,
        });
      }
    }
    return c.json({ tickets, waitlist: openWaitlistPlaces(waitlist, Date.now()) }, 200, { 'Cache-Control': 'no-store' });
  })
    // The member's strikes and any suspension, from their own standing object (functions/member-standing.ts).
    .get('/standing', async (c) => c.json({ standing: await memberStandingOf(c.env, c.get('memberId')).standing() }, 200, { 'Cache-Control': 'no-store' }));
}

/** DELETE /api/tickets/:code: cancels by code alone, finding the screening from the seat store. */
export function ticketRoutes(catalogue: Catalogue, { soldOut }: { soldOut: SoldOutCache }) {
  return new Hono<AppEnv>().delete('/:code', requireMember, memberWriteLimits, async (c) => {
    const code = normalizeTicketCode(c.req.param('code'));
    const record = code ? await readTicket(c.env.SEATS, code) : null;
    if (!code || !record) throw refusal('unknown_ticket');
    const screening = findScreening(catalogue, record.screeningId);
    const outcome = await c.env.SCREENINGS.getByName(screening.id).cancel(screening, { memberId: c.get('memberId'), code });
    soldOut.noteCancel(screening.id, outcome);
    if (!outcome.ok) throw refusal(outcome.refusal.code);
    return c.json({ ticket: await ticketView(outcome.ticket, screening, c.env.TICKET_SIGNING_KEY) });
  });
}
