import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Env } from './env.ts';
import { refusal } from './refusals.ts';

/** The client's address as Cloudflare sees it (wrangler dev sets it too). */
export function clientAddress(c: Context<AppEnv>): string {
  return c.req.header('CF-Connecting-IP') ?? 'unknown';
}

type LimiterName = 'CLAIM_LIMIT_MEMBER' | 'CLAIM_LIMIT_CLIENT' | 'SIGN_IN_LIMIT_CLIENT' & keyof Env;

/**
 * Applies a Workers Rate Limiting binding with a key from the request (a member, a client address).
 * Over the limit: 429 rate_limited with Retry-After of the binding's period.
 */
export function rateLimit(binding: LimiterName, key: (c: Context<AppEnv>) => string | undefined, periodSeconds: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const limiter = c.env[binding];
    const value = key(c);
    if (limiter && value !== undefined && !(await limiter.limit({ key: value })).success) {
      throw refusal('rate_limited', { retryAfterSeconds: periodSeconds });
    }
    await next();
  });
}
