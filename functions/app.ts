import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError } from './api-error.ts';
import { builtCatalogue, type Catalogue } from './catalogue.ts';
import type { AppEnv } from './env.ts';
import { declaredBodyLimit } from './read-json.ts';
import { retryAfterSeconds } from './durable-object-errors.ts';
import { refusal } from './refusals.ts';
import { cinemaRoutes } from './routes/cinema.ts';
import { doorRoutes } from './routes/door.ts';
import { health } from './routes/health.ts';
import { lotteryRoutes } from './routes/lottery.ts';
import { noonQueueRoutes } from './routes/noon-queue.ts';
import { screeningRoutes } from './routes/screenings.ts';
import { searchRoutes } from './routes/search.ts';
import { sessionRoutes } from './routes/session.ts';
import { staffRoutes } from './routes/staff.ts';
import { staffConsoleRoutes } from './routes/staff-console.ts';
import { staffBootstrapRoutes } from './routes/staff-bootstrap.ts';
import { staffSessionRoutes } from './routes/staff-session.ts';
import { staffRosterRoutes } from './routes/staff-roster.ts';
import { staffAccountRoutes } from './routes/staff-accounts.ts';
import { staffAuditRoutes } from './routes/staff-audit-log.ts';
import { staffTokenRoutes } from './routes/staff-tokens.ts';
import { staffMemberRoutes } from './routes/staff-members.ts';
import { meRoutes, ticketRoutes } from './routes/tickets.ts';
import { sameOriginWrites } from './same-origin-writes.ts';
import { SoldOutCache } from './sold-out-cache.ts';
import { turnstile } from './turnstile.ts';

export interface AppOptions {
  /** The screenings the API serves; tests pass their own. */
  catalogue?: Catalogue;
  /** How Turnstile's siteverify is reached; tests pass a fake. */
  fetcher?: typeof fetch;
}

/** The Worker's Hono app. Only /api/* reaches it; Workers static assets serve the site itself. */
export function createApp({ catalogue = builtCatalogue, fetcher }: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  const humanCheck = turnstile(fetcher);
  // One per isolate, shared by every route that claims or cancels.
  const soldOut = new SoldOutCache();

  // JSON only, never framed, never sniffed, no referrer; HSTS for the whole site.
  app.use(
    '/api/*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      strictTransportSecurity: 'max-age=63072000; includeSubDomains',
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
    }),
  );
  // Most answers are someone's (a session, a ticket and its QR, the door's view): no cache may keep
  // them unless the route says the answer is public (the hall's layout, the seat statuses, totals).
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('/api/*', sameOriginWrites);
  // Bodies are read only by readJson, which caps them as they arrive; a declared size is refused first.
  app.use('/api/*', declaredBodyLimit);

  app.route('/api/health', health);
  app.route('/api/search', searchRoutes());
  app.route('/api/session', sessionRoutes(humanCheck));
  app.route('/api/screenings', screeningRoutes(catalogue, { humanCheck, soldOut }));
  app.route('/api/screenings', noonQueueRoutes(catalogue, { humanCheck }));
  app.route('/api/screenings', lotteryRoutes(catalogue, { humanCheck }));
  app.route('/api/me', meRoutes(catalogue));
  app.route('/api/tickets', ticketRoutes(catalogue, { soldOut }));
  app.route('/api/staff', staffSessionRoutes());
  app.route('/api/staff', staffBootstrapRoutes());
  app.route('/api/staff/roster', staffRosterRoutes());
  app.route('/api/staff', staffAccountRoutes());
  app.route('/api/staff', staffTokenRoutes());
  app.route('/api/staff', staffAuditRoutes());
  app.route('/api/staff', staffRoutes(catalogue));
  app.route('/api/staff', staffMemberRoutes());
  app.route('/api/staff/console', staffConsoleRoutes(catalogue));
  app.route('/api/cinema', cinemaRoutes(catalogue));
  app.route('/api/door', doorRoutes(catalogue));

  app.notFound(() => {
    throw refusal('not_found');
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      const retryAfter = error.details.retryAfterSeconds;
      return c.json(error.toJSON(), error.status, typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {});
    }
    const retryAfter = retryAfterSeconds(error);
    if (retryAfter !== undefined) {
      console.error('durable object unavailable', error.message);
      return c.json(refusal('temporarily_unavailable', { retryAfterSeconds: retryAfter }).toJSON(), 503, { 'Retry-After': String(retryAfter) });
    }
    if (error instanceof HTTPException) {
      return c.json(new ApiError(error.status as 400, 'invalid_request', error.message || '请求无法处理').toJSON(), error.status);
    }
    console.error('unhandled error', error);
    return c.json(new ApiError(500, 'internal_error', '服务器出错了，请稍后再试').toJSON(), 500);
  });

  return app;
}
