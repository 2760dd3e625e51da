import { Hono } from 'hono';
import * as z from 'zod';
import { roleAtLeast } from '../../src/cinema/staff-roles.ts';
import type { AppEnv } from '../env.ts';
import { API_TOKEN_PREFIX, newOpaqueToken, tokenHash } from '../opaque-token.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import { audited, noteAudit } from '../staff-audit.ts';
import { confirmStaff, requireStaff, staffDirectory } from '../staff-auth.ts';

export const newTokenSchema = z.object({ name: z.string().trim().min(1).max(60).regex(/^\P{Cc}+$/u, '名称不能含控制字符') }).strict();

/**
 * API tokens for scripts (staff:export, staff:purge, smoke): operators and admins make their own (shown
 * once, kept as a hash), list them (admins see everyone's) and revoke them (admins anyone's). A token
 * acts with its account's role, as it is when used.
 */
export const staffTokenRoutes = () =>
  new Hono<AppEnv>()
    .get('/tokens', requireStaff('operator'), async (c) => {
      const admin = roleAtLeast(c.var.staff.role, 'admin');
      return c.json({ tokens: await staffDirectory(c.env).listTokens(admin ? {} : { accountId: c.var.staff.id }) });
    })
    .post('/tokens', audited('token_create'), requireStaff('operator'), async (c) => {
      const { name } = await readJson(c, newTokenSchema);
      const token = newOpaqueToken(API_TOKEN_PREFIX);
      await confirmStaff(c);
      const info = await staffDirectory(c.env).createToken(c.var.staff.id, name, await tokenHash(token));
      noteAudit(c, { tokenId: info.id, name });
      return c.json({ ...info, token }, 201);
    })
    .delete('/tokens/:tokenId', audited('token_revoke'), requireStaff('operator'), async (c) => {
      const tokenId = Number(c.req.param('tokenId'));
      noteAudit(c, { tokenId: c.req.param('tokenId') });
      if (!Number.isSafeInteger(tokenId)) throw refusal('staff_token_not_found');
      await confirmStaff(c);
      const revoked = await staffDirectory(c.env).revokeToken(tokenId, { accountId: c.var.staff.id, anyOwner: roleAtLeast(c.var.staff.role, 'admin') });
      if (!revoked) throw refusal('staff_token_not_found');
      noteAudit(c, { owner: revoked.username, name: revoked.name });
      return c.json({ token: revoked });
    });
