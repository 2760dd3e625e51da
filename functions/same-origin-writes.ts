import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import { refusal } from './refusals.ts';

const SAFE = /^(GET|HEAD|OPTIONS)$/;

/**
 * CSRF protection for cookie-authenticated writes. Browsers label every request with Sec-Fetch-Site and
 * send Origin on cross-origin writes; a write that a browser marks as coming from another site is
 * refused. Requests with neither header come from programs (curl, the import script), which cannot
 * carry a victim's cookie. (Hono's csrf middleware only checks form content types and would refuse
 * those programs' DELETEs; the session cookie is SameSite=Strict as a second line.)
 */
export const sameOriginWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE.test(c.req.method)) {
    const site = c.req.header('Sec-Fetch-Site');
    const origin = c.req.header('Origin');
    const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    const foreignOrigin = origin !== undefined && origin !== new URL(c.req.url).origin;
    if (crossSite || foreignOrigin) throw refusal('cross_site_request');
  }
  await next();
});
