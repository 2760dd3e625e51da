import { Hono } from 'hono';
import * as z from 'zod';
import { normalizeTicketCode } from '../../src/cinema/ticket-code.ts';
import { findScreening, type Catalogue } from '../catalogue.ts';
import type { AppEnv } from '../env.ts';
import { doorDeviceSchema } from '../door-checkins.ts';
import { noteCounts, observeStaffAction } from '../observability/observe.ts';
import { readJson } from '../read-json.ts';
import { audited, noteAudit } from '../staff-audit.ts';
import { confirmStaff, requireStaff } from '../staff-auth.ts';
import { ticketKeys, ticketPublicKeys } from '../ticket-signing.ts';


/** The most check-ins one sync request carries (a batch stays under the body limit of read-json.ts). */
export const MAX_SYNC_BATCH = 100;

export const checkInSyncSchema = z
  .object({
    device: doorDeviceSchema,
    checkIns: z
      .array(
        z
          .object({
            code: z.string().transform((code, ctx) => normalizeTicketCode(code) ?? (ctx.addIssue({ code: 'custom', message: '票号无效' }), z.NEVER)),
            at: z.iso.datetime({ offset: true }),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_SYNC_BATCH),
  })
  .strict();

/**
 * The door with no network: the list it downloads while it has one (the public keys to verify HG2 QR
 * payloads, every ticket's code, seat and check-in state, no member data) and the sync of check-ins made
 * offline, with their original time, idempotently.
 */
export function doorRoutes(catalogue: Catalogue) {
  return new Hono<AppEnv>()
    .use(requireStaff('door'))
    .get('/screenings/:id', async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const list = await c.env.SCREENINGS.getByName(screening.id).doorList(screening);
      return c.json({
        screeningId: screening.id,
        film: screening.film.title,
        startsAt: screening.startsAt,
        fetchedAt: new Date().toISOString(),
        publicKeys: await ticketPublicKeys(ticketKeys(c.env)),
        ...list,
      });
    })
    .post('/screenings/:id/checkins', audited('check_in_sync'), observeStaffAction('check_in_sync'), async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const body = await readJson(c, checkInSyncSchema);
      noteAudit(c, { device: body.device, sent: body.checkIns.length });
      await confirmStaff(c);
      const results = await c.env.SCREENINGS.getByName(screening.id).syncCheckIns(screening, body);
      const counts = {
        checkIns: results.filter((result) => result.result === 'checked_in').length,
        conflicts: results.filter((result) => result.result === 'conflict').length,
      };
      noteCounts(c, counts);
      // Which tickets came in, and which lost to another device's earlier check-in.
      noteAudit(c, {
        ...counts,
        tickets: results.filter((result) => result.result === 'checked_in').map((result) => result.code),
        conflictTickets: results.filter((result) => result.result === 'conflict').map((result) => result.code),
      });
      return c.json({ screeningId: screening.id, results });
    });
}
