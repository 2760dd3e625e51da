import { Hono } from 'hono';
import { dashboardScreenings } from '../../src/cinema/console-dashboard.ts';
import { heldSeats, unionsHolding } from '../../src/cinema/seat-holders.ts';
import { findScreening, type Catalogue, type CatalogueScreening } from '../catalogue.ts';
import type { AppEnv } from '../env.ts';
import { requireStaff } from '../staff-auth.ts';

/** What the console needs of a screening besides its numbers. */
const summary = (screening: CatalogueScreening) => ({
  id: screening.id,
  film: screening.film.title,
  hall: screening.hall.name,
  startsAt: screening.startsAt,
  closesAt: screening.closesAt,
  ...(screening.booking ? { booking: screening.booking.union } : {}),
});

// Who may use the console: operators and admins (door accounts check tickets in, nothing more).
const consoleStaff = requireStaff('operator');

/**
 * The staff console's reads (/cinema/staff/): the dashboard, one screening's seat holders, union
 * suggestions. One object call per screening; members appear only as masked ids (src/cinema/seat-holders.ts).
 */
export function staffConsoleRoutes(catalogue: Catalogue) {
  return new Hono<AppEnv>()
    .use(consoleStaff)
    .get('/screenings', async (c) => {
      const now = Date.now();
      const shown = dashboardScreenings(catalogue.screenings, now);
      const rows = await Promise.all(
        shown.map(async (screening) => {
          const { ticketsOnUnavailableSeats, ...stats } = await c.env.SCREENINGS.getByName(screening.id).stats(screening);
          return { ...summary(screening), ...stats, unavailableSeatTickets: ticketsOnUnavailableSeats.length };
        }),
      );
      return c.json({ now: new Date(now).toISOString(), screenings: rows });
    })
    .get('/screenings/:id', async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const seats = heldSeats(screening, await c.env.SCREENINGS.getByName(screening.id).tickets(screening));
      return c.json({ now: new Date().toISOString(), screening: summary(screening), seats, unions: unionsHolding(seats) });
    })
    .get('/unions', async (c) => {
      // Earlier bookings: the catalogue's whole-screening ones and the unions holding seats on the dashboard's screenings.
      const shown = dashboardScreenings(catalogue.screenings, Date.now());
      const booked = await Promise.all(
        shown.map(async (screening) => {
          const tickets = await c.env.SCREENINGS.getByName(screening.id).tickets(screening);
          // Once per screening, however many seats it booked.
          return [...new Set(tickets.flatMap((ticket) => (ticket.source === 'booking' && ticket.status === 'active' && ticket.union ? [ticket.union] : [])))];
        }),
      );
      const fromCatalogue = catalogue.screenings.flatMap((screening) => (screening.booking ? [screening.booking.union] : []));
      return c.json({ unions: [...fromCatalogue, ...booked.flat()] });
    });
}
