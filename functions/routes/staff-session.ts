import { Hono } from 'hono';
import * as z from 'zod';
import { staffUsernameSchema } from '../../src/cinema/staff-roles.ts';
import type { AppEnv } from '../env.ts';
import { knownDevice, rememberDevice } from '../known-device.ts';
import { DECOY_PASSWORD_HASH, verifyPassword } from '../password-hash.ts';
import { clientAddress, rateLimit } from '../rate-limit.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import { reserveStaffSignIn } from '../sign-in-throttle.ts';
import { audited, noteAudit } from '../staff-audit.ts';
import { endStaffSession, identifyStaff, requireStaff, staffDirectory, startStaffSession } from '../staff-auth.ts';

export const staffSignInSchema = z.object({ username: staffUsernameSchema, password: z.string().min(1).max(200) }).strict();

/** Staff sign-in (a session cookie of its own), sign-out, sign-out everywhere, and who is signed in. */
export const staffSessionRoutes = () =>
  new Hono<AppEnv>()
    .post('/session', rateLimit([{ binding: 'SIGN_IN_LIMIT_CLIENT', key: clientAddress }], 60), audited('sign_in'), async (c) => {
      const body = await readJson(c, staffSignInSchema);
      noteAudit(c, { username: body.username });
      // Counted before the password is checked, so guesses sent at once cannot all pass.
      const device = await knownDevice(c, body.username, 'staff');
      const succeeded = await reserveStaffSignIn(c.env, { username: body.username, client: clientAddress(c), device });
      const directory = staffDirectory(c.env);
      const account = await directory.passwordOf(body.username);
      // An unknown or disabled name costs the same hash as a wrong password.
      const matches = await verifyPassword(body.password, account?.password ?? DECOY_PASSWORD_HASH);
      if (!account || !matches) throw refusal('staff_invalid_credentials');
      await succeeded();
      if (!(await startStaffSession(c, account.id, account.password))) throw refusal('staff_invalid_credentials');
      await rememberDevice(c, body.username, device, 'staff');
      c.set('staff', { id: account.id, username: account.username, role: account.role, via: 'session' });
      return c.json({ username: account.username, role: account.role });
    })
    .delete('/session', audited('sign_out'), async (c) => {
      const staff = await identifyStaff(c);
      if (staff) c.set('staff', staff);
      await endStaffSession(c);
      return c.json({ signedIn: false });
    })
    .post('/session/everywhere', audited('sign_out_everywhere'), requireStaff('door'), async (c) => {
      const ended = await staffDirectory(c.env).endAllSessions(c.var.staff.id);
      noteAudit(c, { sessions: ended });
      await endStaffSession(c);
      return c.json({ signedIn: false, endedSessions: ended });
    })
    .get('/me', requireStaff('door'), (c) => c.json({ username: c.var.staff.username, role: c.var.staff.role }));
