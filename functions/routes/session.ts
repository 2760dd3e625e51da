import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { ApiError } from '../api-error.ts';
import { safeEqual } from '../crypto.ts';
import type { AppEnv } from '../env.ts';
import { forgetDevice, knownDevice, rememberDevice } from '../known-device.ts';
import { memberCheck, memberId } from '../member-identity.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import { readRosterEntry } from '../seat-store.ts';
import { endSession, signedInMember, startSession } from '../session.ts';
import { reserveSignIn } from '../sign-in-throttle.ts';
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
    const device = await knownDevice(c, id);
    // Counted before the digits are checked, so guesses sent at once cannot all pass.
    const succeeded = await reserveSignIn(c.env, { memberId: id, client: clientAddress(c), device });

    const entry = await readRosterEntry(c.env.SEATS, id);
    const expected = await memberCheck(body.memberNumber, body.phoneLast4, c.env.MEMBER_HASH_KEY);
    if (!entry || !(await safeEqual(entry.check, expected))) throw refusal('invalid_credentials');
    await succeeded();
    const expiresAt = await startSession(c, id);
    await rememberDevice(c, id, device);
    return c.json({ signedIn: true, expiresAt: expiresAt.toISOString() });
  })
  .get('/', async (c) => c.json({ signedIn: (await signedInMember(c)) !== undefined }))
  .delete('/', async (c) => {
    // Signing out of a session that no longer counts changes nothing but the cookies.
    const member = await signedInMember(c).catch((error: unknown) => {
      if (error instanceof ApiError) return undefined;
      throw error;
    });
    await endSession(c, member?.id);
    forgetDevice(c);
    return c.json({ signedIn: false });
  });
