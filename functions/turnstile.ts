import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import { refusal } from './refusals.ts';

export const SITEVERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
export const TURNSTILE_HEADER = 'CF-Turnstile-Response';

/**
 * Optional Cloudflare Turnstile on sign-in, claims and waitlist joins: off unless TURNSTILE_SECRET_KEY is
 * set. The page sends the widget's token in the CF-Turnstile-Response header; siteverify decides.
 * `fetcher` is injectable so tests never reach the network.
 */
export function turnstile(fetcher: typeof fetch = (...args) => fetch(...args)) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const secret = c.env.TURNSTILE_SECRET_KEY;
    if (secret) {
      const token = c.req.header(TURNSTILE_HEADER);
      if (!token) throw refusal('human_check_required');
      const form = new FormData();
      form.set('secret', secret);
      form.set('response', token);
      const address = c.req.header('CF-Connecting-IP');
      if (address) form.set('remoteip', address);
      let success = false;
      try {
        const response = await fetcher(SITEVERIFY_URL, { method: 'POST', body: form });
        success = response.ok && ((await response.json()) as { success?: boolean }).success === true;
      } catch {
        success = false;
      }
      if (!success) throw refusal('human_check_failed');
    }
    await next();
  });
}
