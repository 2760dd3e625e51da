import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { noonQueueOpensAt, queuedMessage } from '../../src/cinema/noon-queue.ts';
import { findScreening, type Catalogue, type CatalogueScreening } from '../catalogue.ts';
import type { AppEnv } from '../env.ts';
import { requireGoodStanding } from '../member-standing-check.ts';
import { memberWriteLimits } from '../rate-limit.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import type { QueueStatus } from '../screening-object.ts';
import { requireMember } from '../session.ts';
import { ticketView } from '../views.ts';

const queueJoinSchema = z.object({ seat: z.string().regex(/^\d{1,3}-\d{1,3}$/, '座位写成“排-号”，如 7-8').optional() }).strict();

/** What the member's page shows of their place: no position (there is none until the draw), then the outcome. */
async function queueView(status: QueueStatus, screening: CatalogueScreening, ticketSecret: string) {
  const base = { screeningId: screening.id, releaseAt: screening.releaseAt, state: status.state };
  switch (status.state) {
    case 'none':
      return base;
    case 'queued':
      return { ...base, preferredSeat: status.preferredSeat ?? null, joinedAt: status.joinedAt, message: queuedMessage(screening.releaseAt) };
    case 'seated':
    case 'waitlisted':
      return {
        ...base,
        preferredSeat: status.preferredSeat ?? null,
        ticket: status.ticket ? await ticketView(status.ticket, screening, ticketSecret) : null,
        waitlistPosition: status.waitlistPosition ?? null,
      };
  }
}

/** The noon queue of a first-come screening: join, leave, the member's state, and the published seed. */
export function noonQueueRoutes(catalogue: Catalogue, { humanCheck }: { humanCheck: MiddlewareHandler<AppEnv> }) {
  return new Hono<AppEnv>()
    .get('/:id/queue/seed', async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const published = await c.env.SCREENINGS.getByName(screening.id).queueSeed(screening);
      return c.json({
        screeningId: screening.id,
        opensAt: new Date(noonQueueOpensAt(Date.parse(screening.releaseAt))).toISOString(),
        releaseAt: screening.releaseAt,
        commitment: published.commitment ?? null,
        seed: published.seed ?? null,
        entries: published.entries,
        resolvedAt: published.resolvedAt ?? null,
        method: 'commitment = SHA-256(seed bytes); order = Fisher–Yates over places in join order, j uniform in [0, i] from 32-bit words of SHA-256(seed ‖ uint32be(block)), rejection sampling',
      });
    })
    .get('/:id/queue', requireMember, async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const status = await c.env.SCREENINGS.getByName(screening.id).queueStatus(screening, { memberId: c.get('memberId') });
      return c.json({ queue: await queueView(status, screening, c.env.TICKET_SIGNING_KEY) });
    })
    // A place in the queue is a claim deferred to the release: guarded like one.
    .post('/:id/queue', requireMember, memberWriteLimits, humanCheck, requireGoodStanding, async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const body = await readJson(c, queueJoinSchema, { optional: true });
      const outcome = await c.env.SCREENINGS.getByName(screening.id).joinQueue(screening, { memberId: c.get('memberId'), seat: body.seat });
      if (!outcome.ok) {
        const { code, ...details } = outcome.refusal;
        throw refusal(code, details);
      }
      return c.json({ queue: { ...(await queueView(outcome.entry, screening, c.env.TICKET_SIGNING_KEY)), seedCommitment: outcome.commitment } }, 201);
    })
    .delete('/:id/queue', requireMember, memberWriteLimits, async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const outcome = await c.env.SCREENINGS.getByName(screening.id).leaveQueue(screening, { memberId: c.get('memberId') });
      if (!outcome.ok) throw refusal(outcome.refusal.code);
      return c.json({ queue: null });
    });
}
