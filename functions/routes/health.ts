import { Hono } from 'hono';
import type { AppEnv } from '../env';

/** Liveness, and the server's clock: pages measure their offset from it for countdowns. */
export const health = new Hono<AppEnv>().get('/', (c) =>
  c.json({ ok: true, now: new Date().toISOString() }, 200, { 'Cache-Control': 'no-store' }),
);
