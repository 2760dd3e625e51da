import { Hono } from 'hono';
import type { Catalogue } from '../catalogue.ts';
import type { AppEnv } from '../env.ts';
import { readSeatMap } from '../seat-store.ts';

/** The program's running totals for the 惠工影院 page: screenings shown and people served (人次). */
export function cinemaRoutes(catalogue: Catalogue) {
  return new Hono<AppEnv>().get('/totals', async (c) => {
    const now = Date.now();
    const shown = catalogue.screenings.filter((screening) => Date.parse(screening.startsAt) <= now);
    const snapshots = await Promise.all(shown.map((screening) => readSeatMap(c.env.SEATS, screening.id)));
    return c.json(
      {
        screeningsShown: shown.length,
        bookedScreeningsShown: shown.filter((screening) => screening.booking).length,
        attendance: snapshots.reduce((sum, snapshot) => sum + (snapshot?.checkedIn ?? 0), 0),
        upcomingScreenings: catalogue.screenings.length - shown.length,
      },
      200,
      { 'Cache-Control': 'public, max-age=60' },
    );
  });
}
