import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { clientNetwork } from '../src/cinema/client-network.ts';
import type { AppEnv } from './env.ts';
import { refusal } from './refusals.ts';

/**
 * The client as the per-address limits count it, from the address Cloudflare sees (wrangler dev sets it
 * too): an IPv4 address, or an IPv6 address's /64 (src/cinema/client-network.ts).
 */
export function clientAddress(c: Context<AppEnv>): string {
  return clientNetwork(c.req.header('CF-Connecting-IP') ?? 'unknown');
}

type LimiterName = 'CLAIM_LIMIT_MEMBER' | 'CLAIM_LIMIT_CLIENT' | 'SIGN_IN_LIMIT_CLIENT' | 'SEARCH_LIMIT_CLIENT';

export interface LimitRule {
  binding: LimiterName;
  /** What is counted: a member, a client address. */
  key: (c: Context<AppEnv>) => string | undefined;
}

/**
 * Applies Workers Rate Limiting bindings, each with its key from the request, all at once. Over any
 * limit: 429 rate_limited with Retry-After of the bindings' period.
 */
export function rateLimit(rules: LimitRule[], periodSeconds: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const outcomes = await Promise.all(
      rules.map(({ binding, key }) => {
        const limiter = c.env[binding];
        const value = key(c);
        return limiter && value !== undefined ? limiter.limit({ key: value }) : { success: true };
      }),
    );
    if (outcomes.some((outcome) => !outcome.success)) throw refusal('rate_limited', { retryAfterSeconds: periodSeconds });
    await next();
  });
}

/**
 * Every member write that reaches a screening's object (claims, waitlist joins and leaves, cancellations)
 * shares one budget: per member (after requireMember) and per client address, the CLAIM_LIMIT_* bindings.
 */
export const memberWriteLimits = rateLimit(
  [
    { binding: 'CLAIM_LIMIT_MEMBER', key: (c) => c.get('memberId') },
    { binding: 'CLAIM_LIMIT_CLIENT', key: clientAddress },
  ],
  60,
);
