import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod';
import { claimWindowState, nextReleaseWindow } from '../../src/cinema/release-window.ts';
import { normalizeTicketCode } from '../../src/cinema/ticket-code.ts';
import { findScreening, type Catalogue, type CatalogueScreening } from '../catalogue.ts';
import type { AppEnv } from '../env.ts';
import { observeClaim } from '../observability/observe.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import { readSeatMap } from '../seat-store.ts';
import { requireMember, signedSession } from '../session.ts';
import { memberWriteLimits } from '../rate-limit.ts';
import { SeatMapMemo } from '../seat-map-memo.ts';
import type { Retry, SoldOutCache } from '../sold-out-cache.ts';
import { screeningView, seatLayoutView, seatMapOrInitial, seatStatusesView, ticketView } from '../views.ts';

const seatIdSchema = z.string().regex(/^\d{1,3}-\d{1,3}$/, '座位写成“排-号”，如 7-8');
export const claimSchema = z.object({ seat: seatIdSchema.optional() }).strict();
const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** The Idempotency-Key header, if sent: a retried claim with the same key returns the same ticket. */
function idempotencyKey(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('Idempotency-Key');
  if (header === undefined) return undefined;
  const result = idempotencyKeySchema.safeParse(header);
  if (!result.success) {
    throw refusal('invalid_input', { issues: [{ path: 'Idempotency-Key', message: '应为 8–64 位字母、数字、-、_' }] });
  }
  return result.data;
}

/** The Idempotency-Key header if well formed: a malformed one counts as none until the claim refuses it. */
function wellFormedKey(c: Context<AppEnv>): string | undefined {
  return idempotencyKeySchema.safeParse(c.req.header('Idempotency-Key')).data;
}

/**
 * The claim window by the server's clock: refusing early here spares the object the noon crowd's early
 * taps. After the close, a claim with an Idempotency-Key goes on to the object: it may retry a claim
 * whose answer was lost just before the close, which the object replays (it looks at the key before the
 * window) or refuses window_closed itself.
 */
function assertWindowOpen(screening: CatalogueScreening, idempotencyKey: string | undefined): void {
  const state = claimWindowState(Date.now(), { releaseAt: Date.parse(screening.releaseAt), closesAt: Date.parse(screening.closesAt) });
  if (state === 'not_open') throw refusal('window_not_open', { opensAt: screening.releaseAt });
  if (state === 'closed' && idempotencyKey === undefined) throw refusal('window_closed', { closedAt: screening.closesAt });
  // The draw gives a lottery's seats (the object refuses too; this spares it the taps).
  if (screening.allocation === 'lottery' && screening.drawAt && Date.now() < Date.parse(screening.drawAt)) {
    throw refusal('lottery_not_drawn', { drawAt: screening.drawAt });
  }
}

/** The member of a session cookie we signed whose session has not ended (by its signature alone: no roster read). */
async function unendedSessionMember(c: Context<AppEnv>): Promise<string | undefined> {
  const session = await signedSession(c);
  return session !== undefined && session.expiresAt > Date.now() ? session.memberId : undefined;
}

/** Screenings, their seats, and members' claims, cancellations and waitlist places. */
export function screeningRoutes(
  catalogue: Catalogue,
  { humanCheck, soldOut }: { humanCheck: MiddlewareHandler<AppEnv>; soldOut: SoldOutCache },
) {
  const seatMaps = new SeatMapMemo();
  /**
   * Before anything costs: the window by the server clock, and a sold-out screening refused from memory
   * unless the claim may be a retry, with a key and an unended session we signed (the protocol:
   * sold-out-cache.ts).
   */
  const cheapRefusals = createMiddleware<AppEnv>(async (c, next) => {
    const screening = findScreening(catalogue, c.req.param('id')!);
    const key = wellFormedKey(c);
    assertWindowOpen(screening, key);
    if (soldOut.remembers(screening.id)) {
      const memberId = key === undefined ? undefined : await unendedSessionMember(c);
      if (memberId === undefined) throw refusal('sold_out');
      // For soldOutRetries; requireMember checks the roster and sign-outs if the claim goes on.
      c.set('memberId', memberId);
    }
    await next();
  });
  /**
   * A sold-out screening, a key and a signed session: after the member's limits, the object is asked
   * whether the key got this member a ticket. Most of a noon crowd ends here, so the roster is read only
   * for the retries that go on (a refusal needs no more than the signature: it tells nothing).
   */
  const soldOutRetries = createMiddleware<AppEnv>(async (c, next) => {
    const screening = findScreening(catalogue, c.req.param('id')!);
    const memberId = c.get('memberId');
    const key = wellFormedKey(c);
    // Both are set when cheapRefusals found the screening remembered as sold out.
    if (memberId !== undefined && key !== undefined && soldOut.remembers(screening.id)) {
      await memberWriteLimits(c, async () => {});
      const retry = { memberId, key };
      const issuedKey = ({ memberId, key }: Retry) => c.env.SCREENINGS.getByName(screening.id).issuedKey(memberId, key);
      if (await soldOut.refuses(screening.id, retry, issuedKey)) throw refusal('sold_out');
    }
    await next();
  });
  // A retry that gets past soldOutRetries counts twice against the limits: rare, and harmless.
  const claimGuards = [observeClaim, cheapRefusals, soldOutRetries, requireMember, memberWriteLimits, humanCheck] as const;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const now = Date.now();
      // Until a screening ends, so the door's check-in page still finds it after the start.
      const upcoming = catalogue.screenings.filter(
        (screening) => Date.parse(screening.startsAt) + screening.film.runtimeMinutes * 60_000 > now,
      );
      const snapshots = await Promise.all(upcoming.map((screening) => readSeatMap(c.env.SEATS, screening.id)));
      return c.json(
        {
          now: new Date(now).toISOString(),
          nextReleaseAt: nextReleaseWindow(new Date(now)).toISOString(),
          screenings: upcoming.map((screening, i) => screeningView(screening, seatMapOrInitial(screening, snapshots[i]!), now)),
        },
        200,
        { 'Cache-Control': 'no-store' },
      );
    })
    .get('/:id', async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const seats = seatMapOrInitial(screening, await readSeatMap(c.env.SEATS, screening.id));
      return c.json(screeningView(screening, seats, Date.now()), 200, { 'Cache-Control': 'no-store' });
    })
    .get('/:id/layout', (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      // Changes only with a deploy of the catalogue.
      return c.json(seatLayoutView(screening), 200, { 'Cache-Control': 'public, max-age=300' });
    })
    .get('/:id/seats', async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      // From KV, which the object writes at most every 1.5 s, and kept a second here: up to about three
      // seconds old (longer across Cloudflare's network). The claim's answer is what counts.
      const body = await seatMaps.get(screening.id, async () =>
        JSON.stringify(seatStatusesView(screening, seatMapOrInitial(screening, await readSeatMap(c.env.SEATS, screening.id)))),
      );
      return c.body(body, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=1' });
    })
    .post('/:id/claims', ...claimGuards, async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const body = await readJson(c, claimSchema, { optional: true });
      const key = idempotencyKey(c);
      const outcome = await c.env.SCREENINGS.getByName(screening.id).claim(screening, {
        memberId: c.get('memberId'),
        seat: body.seat,
        idempotencyKey: key,
      });
      if (outcome.ok) {
        return c.json({ ticket: await ticketView(outcome.ticket, screening, c.env.TICKET_SIGNING_KEY) }, outcome.replayed ? 200 : 201);
      }
      soldOut.noteClaim(screening.id, outcome);
      const { code, ...details } = outcome.refusal;
      throw refusal(code, {
        ...details,
        ...(outcome.ticket ? { ticket: await ticketView(outcome.ticket, screening, c.env.TICKET_SIGNING_KEY) } : {}),
      });
    })
    // Joining is a claim on the next freed seat: guarded like one.
    .post('/:id/waitlist', requireMember, memberWriteLimits, humanCheck, async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const outcome = await c.env.SCREENINGS.getByName(screening.id).joinWaitlist(screening, { memberId: c.get('memberId') });
      if (!outcome.ok) {
        const { code, ...details } = outcome.refusal;
        throw refusal(code, details);
      }
      return c.json({ waitlist: { screeningId: screening.id, position: outcome.position } }, 201);
    })
    .delete('/:id/waitlist', requireMember, memberWriteLimits, async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      await c.env.SCREENINGS.getByName(screening.id).leaveWaitlist(screening, { memberId: c.get('memberId') });
      return c.json({ waitlist: null });
    })
    .delete('/:id/tickets/:code', requireMember, memberWriteLimits, async (c) => {
      const screening = findScreening(catalogue, c.req.param('id'));
      const code = normalizeTicketCode(c.req.param('code'));
      if (!code) throw refusal('unknown_ticket');
      const outcome = await c.env.SCREENINGS.getByName(screening.id).cancel(screening, { memberId: c.get('memberId'), code });
      soldOut.noteCancel(screening.id, outcome);
      if (!outcome.ok) throw refusal(outcome.refusal.code);
      return c.json({ ticket: await ticketView(outcome.ticket, screening, c.env.TICKET_SIGNING_KEY) });
    });
}
