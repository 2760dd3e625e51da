import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { LOTTERY_METHOD } from '../../src/cinema/lottery-draw.ts';
import { findScreening, type Catalogue, type CatalogueScreening } from '../catalogue.ts';
import type { AppEnv } from '../env.ts';
import { memberStandingOf, requireGoodStanding, standingOrElse } from '../member-standing-check.ts';
import { memberWriteLimits } from '../rate-limit.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import type { LotteryEntryOutcome, LotteryStatus } from '../screening-object.ts';
import { requireMember } from '../session.ts';
import { ticketView } from '../views.ts';

const lotteryEntrySchema = z.object({ seats: z.union([z.literal(1), z.literal(2)], { error: '人数只能是 1（本人）或 2（本人和一位同伴）' }).optional() }).strict();

/**
 * The member's weight in this draw, from their standing (min(1 + lotteries lost since the last win, 4)),
 * read when they enter or change the entry and stored with it. Fails open to 1, as the suspension check
 * does (member-standing-check.ts): an unreachable standing object must not shut the lottery.
 */
async function lotteryWeight(c: Context<AppEnv>, memberId: string): Promise<number> {
  return standingOrElse(async () => (await memberStandingOf(c.env, memberId).standing()).lotteryWeight, 1, 'lottery entry weighted 1');
}

/** What the member's page shows: the window, the commitment, their entry and, after the draw, the outcome with tickets. */
async function lotteryView(status: LotteryStatus, screening: CatalogueScreening, signingKey: string) {
  const { outcome, ...rest } = status;
  return {
    screeningId: screening.id,
    ...rest,
    ...(outcome?.result === 'won'
      ? { outcome: { result: 'won' as const, tickets: await Promise.all(outcome.tickets.map((ticket) => ticketView(ticket, screening, signingKey))) } }
      : outcome
        ? { outcome }
        : {}),
  };
}

/** The lottery screening named by the path; a first-come one is refused before the object is asked. */
function lotteryScreening(catalogue: Catalogue, id: string): CatalogueScreening {
  const screening = findScreening(catalogue, id);
  if (screening.allocation !== 'lottery') throw refusal('not_lottery');
  return screening;
}

function refuse(outcome: Extract<LotteryEntryOutcome, { ok: false }>): never {
  const { code, ...details } = outcome.refusal;
  throw refusal(code, details);
}

/** A lottery screening's entries (enter, change, withdraw), the member's status and the public draw. */
export function lotteryRoutes(catalogue: Catalogue, { humanCheck }: { humanCheck: MiddlewareHandler<AppEnv> }) {
  return new Hono<AppEnv>()
    .get('/:id/draw', async (c) => {
      const screening = lotteryScreening(catalogue, c.req.param('id'));
      const draw = await c.env.SCREENINGS.getByName(screening.id).lotteryDraw(screening);
      if ('refusal' in draw) throw refusal(draw.refusal.code);
      // The same for everyone, and final once drawn: a few seconds in caches.
      return c.json({ draw: { screeningId: screening.id, ...draw, method: LOTTERY_METHOD } }, 200, { 'Cache-Control': 'public, max-age=5' });
    })
    .get('/:id/lottery', requireMember, async (c) => {
      const screening = lotteryScreening(catalogue, c.req.param('id'));
      const status = await c.env.SCREENINGS.getByName(screening.id).lotteryStatus(screening, { memberId: c.get('memberId') });
      if ('refusal' in status) throw refusal(status.refusal.code);
      return c.json({ lottery: await lotteryView(status, screening, c.env.TICKET_SIGNING_KEY) });
    })
    // An entry is a claim deferred to the draw: guarded like one.
    .post('/:id/lottery', requireMember, memberWriteLimits, humanCheck, requireGoodStanding, async (c) => {
      const screening = lotteryScreening(catalogue, c.req.param('id'));
      const body = await readJson(c, lotteryEntrySchema, { optional: true });
      const memberId = c.get('memberId');
      const outcome = await c.env.SCREENINGS.getByName(screening.id).enterLottery(screening, {
        memberId,
        seats: body.seats ?? 1,
        weight: await lotteryWeight(c, memberId),
      });
      if (!outcome.ok) refuse(outcome);
      return c.json({ lottery: await lotteryView(outcome.status, screening, c.env.TICKET_SIGNING_KEY) }, outcome.created ? 201 : 200);
    })
    .delete('/:id/lottery', requireMember, memberWriteLimits, async (c) => {
      const screening = lotteryScreening(catalogue, c.req.param('id'));
      const outcome = await c.env.SCREENINGS.getByName(screening.id).withdrawLottery(screening, { memberId: c.get('memberId') });
      if (!outcome.ok) refuse(outcome);
      return c.json({ lottery: await lotteryView(outcome.status, screening, c.env.TICKET_SIGNING_KEY) });
    });
}
