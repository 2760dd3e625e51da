import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { safeEqual } from '../crypto.ts';
import type { AppEnv } from '../env.ts';
import { memberCheck, memberId } from '../member-identity.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import { readRosterEntry } from '../seat-store.ts';
import { endSession, sessionMember, startSession } from '../session.ts';
import { SIGN_IN_LIMITS } from '../sign-in-throttle.ts';
import { clientAddress, rateLimit } from '../rate-limit.ts';

export const signInSchema = z
  .object({
    memberNumber: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9 -]+$/, '会员号只含字母、数字'),
    phoneLast4: z.string().regex(/^\d{4}$/, '手机号后四位是 4 个数字'),
  })
  .strict();

/** POST signs in with the member number and the phone's last four digits; DELETE signs out. */
export const sessionRoutes = (humanCheck: MiddlewareHandler<AppEnv>) =>
  new Hono<AppEnv>()
  .post('/', rateLimit([{ binding: 'SIGN_IN_LIMIT_CLIENT', key: clientAddress }], 60), humanCheck, async (c) => {
    const body = await readJson(c, signInSchema);
    const id = await memberId(body.memberNumber, c.env.MEMBER_HASH_KEY);
    const client = clientAddress(c);
    const throttles = [
      { stub: c.env.SIGN_IN_THROTTLE.getByName(`member:${id}`), limit: SIGN_IN_LIMITS.member },
      { stub: c.env.SIGN_IN_THROTTLE.getByName(`client:${client}`), limit: SIGN_IN_LIMITS.client },
    ];
    const verdicts = await Promise.all(throttles.map(({ stub, limit }) => stub.check(limit)));
    const blocked = verdicts.find((verdict) => !verdict.allowed);
    if (blocked && !blocked.allowed) throw refusal('rate_limited', { retryAfterSeconds: blocked.retryAfterSeconds });

    const entry = await readRosterEntry(c.env.SEATS, id);
    const expected = await memberCheck(body.memberNumber, body.phoneLast4, c.env.MEMBER_HASH_KEY);
    if (!entry || !(await safeEqual(entry.check, expected))) {
      await Promise.all(throttles.map(({ stub, limit }) => stub.recordFailure(limit)));
      throw refusal('invalid_credentials');
    }
    await throttles[0]!.stub.reset();
    const expiresAt = await startSession(c, id);
    return c.json({ signedIn: true, expiresAt: expiresAt.toISOString() });
  })
  .get('/', async (c) => c.json({ signedIn: (await sessionMember(c)) !== undefined }))
  .delete('/', (c) => {
    endSession(c);
    return c.json({ signedIn: false });
  });
