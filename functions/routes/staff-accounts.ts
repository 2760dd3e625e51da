import { Hono } from 'hono';
import * as z from 'zod';
import { generatePassword } from '../../src/cinema/staff-password.ts';
import { staffRoleSchema, staffUsernameSchema } from '../../src/cinema/staff-roles.ts';
import type { AppEnv } from '../env.ts';
import { hashPassword } from '../password-hash.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import { audited, noteAudit } from '../staff-audit.ts';
import { confirmStaff, requireStaff, staffDirectory } from '../staff-auth.ts';
import type { AccountChange } from '../staff-directory.ts';

export const newAccountSchema = z.object({ username: staffUsernameSchema, role: staffRoleSchema }).strict();
export const accountChangeSchema = z
  .object({ role: staffRoleSchema.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((body) => body.role !== undefined || body.disabled !== undefined, { error: '请给出 role 或 disabled' });

const changed = (outcome: AccountChange) => {
  if (!outcome.ok) throw refusal(outcome.code);
  return outcome.account;
};

/**
 * Admins manage staff accounts: list, create (a generated password, shown once), change the role,
 * disable or enable, reset the password (shown once; the account's sessions end). Accounts are never
 * deleted: the audit log names them. An admin cannot disable or demote themselves, so the last admin
 * cannot lock everyone out by mistake.
 */
export const staffAccountRoutes = () =>
  new Hono<AppEnv>()
    .get('/accounts', requireStaff('admin'), async (c) => c.json({ accounts: await staffDirectory(c.env).listAccounts() }))
    .post('/accounts', audited('account_create'), requireStaff('admin'), async (c) => {
      const body = await readJson(c, newAccountSchema);
      noteAudit(c, { username: body.username, role: body.role });
      const password = generatePassword();
      const hash = await hashPassword(password);
      await confirmStaff(c);
      const account = changed(await staffDirectory(c.env).createAccount({ ...body, password: hash }));
      return c.json({ account, password }, 201);
    })
    .patch('/accounts/:username', audited('account_change'), requireStaff('admin'), async (c) => {
      const username = c.req.param('username');
      const body = await readJson(c, accountChangeSchema);
      noteAudit(c, { username, ...body });
      if (username === c.var.staff.username) throw refusal('staff_own_account');
      const directory = staffDirectory(c.env);
      await confirmStaff(c);
      let account = body.role === undefined ? undefined : changed(await directory.setRole(username, body.role));
      if (body.disabled !== undefined) account = changed(await directory.setDisabled(username, body.disabled));
      return c.json({ account });
    })
    .post('/accounts/:username/password', audited('account_password_reset'), requireStaff('admin'), async (c) => {
      const username = c.req.param('username');
      noteAudit(c, { username });
      const password = generatePassword();
      const hash = await hashPassword(password);
      await confirmStaff(c);
      const account = changed(await staffDirectory(c.env).setPassword(username, hash));
      return c.json({ account, password });
    });
