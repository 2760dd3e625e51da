import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './api-error.ts';
import { builtCatalogue, type Catalogue } from './catalogue.ts';
import type { AppEnv } from './env.ts';
import { refusal } from './refusals.ts';
import { cinemaRoutes } from './routes/cinema.ts';
import { health } from './routes/health.ts';
import { screeningRoutes } from './routes/screenings.ts';
import { session } from './routes/session.ts';
import { staffRoutes } from './routes/staff.ts';
import { meRoutes, ticketRoutes } from './routes/tickets.ts';

/** The largest request body any route accepts. */
export const MAX_BODY_BYTES = 8 * 1024;

export interface AppOptions {
  /** The screenings the API serves; tests pass their own. */
  catalogue?: Catalogue;
}

/** The Worker's Hono app. Only /api/* reaches it; Workers static assets serve the site itself. */
export function createApp({ catalogue = builtCatalogue }: AppOptions = {}) {
  const app = new Hono<AppEnv>();

  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw refusal('body_too_large'); } }));

  app.route('/api/health', health);
  app.route('/api/session', session);
  app.route('/api/screenings', screeningRoutes(catalogue));
  app.route('/api/me', meRoutes(catalogue));
  app.route('/api/tickets', ticketRoutes(catalogue));
  app.route('/api/staff', staffRoutes(catalogue));
  app.route('/api/cinema', cinemaRoutes(catalogue));

  app.notFound(() => {
    throw refusal('not_found');
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      const retryAfter = error.details.retryAfterSeconds;
      return c.json(error.toJSON(), error.status, typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {});
    }
    if (error instanceof HTTPException) {
      return c.json(new ApiError(error.status as 400, 'invalid_request', error.message || '请求无法处理').toJSON(), error.status);
    }
    console.error('unhandled error', error);
    return c.json(new ApiError(500, 'internal_error', '服务器出错了，请稍后再试').toJSON(), 500);
  });

  return app;
}
