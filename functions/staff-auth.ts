import { createMiddleware } from 'hono/factory';
import { safeEqual } from './crypto.ts';
import type { AppEnv } from './env.ts';
import { refusal } from './refusals.ts';

/**
 * Staff routes: `Authorization: Bearer <STAFF_TOKEN>`, compared in constant time. During a rotation the
 * previous token (STAFF_TOKEN_PREVIOUS) is accepted too, until it is removed.
 */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  const given = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]?.trim();
  const tokens = [c.env.STAFF_TOKEN, c.env.STAFF_TOKEN_PREVIOUS].filter((token): token is string => Boolean(token));
  const matches = given ? await Promise.all(tokens.map((token) => safeEqual(given, token))) : [];
  if (!matches.includes(true)) throw refusal('staff_unauthorized');
  await next();
});
