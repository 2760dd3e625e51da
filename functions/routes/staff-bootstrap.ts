import { Hono } from 'hono';
import * as z from 'zod';
import { staffPasswordSchema, staffRoleSchema, staffUsernameSchema } from '../../src/cinema/staff-roles.ts';
import { safeEqual } from '../crypto.ts';
import type { AppEnv } from '../env.ts';
import { API_TOKEN_PREFIX, newOpaqueToken, tokenHash } from '../opaque-token.ts';
import { hashPassword } from '../password-hash.ts';
import { clientAddress, rateLimit } from '../rate-limit.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import { audited, noteAudit } from '../staff-audit.ts';
import { staffDirectory } from '../staff-auth.ts';

export const bootstrapSchema = z
  .object({
    username: staffUsernameSchema,
    role: staffRoleSchema,
    password: staffPasswordSchema,
    /** Also make an API token of this name for the new account (scripts, the dev setup). */
    tokenName: z.string().trim().min(1).max(60).optional(),
  })
  .strict();

/** Shorter secrets are treated as unset: the route is for a long random secret only. */
const MIN_SECRET_LENGTH = 32;

/**
 * How accounts exist before any admin does: `npm run staff:add` (scripts/staff-add.ts) sends the
 * STAFF_BOOTSTRAP_SECRET it holds (.dev.vars locally; the operator's environment for --remote). Without
 * that secret set on the Worker the route answers 404 like any unknown path: set it with
 * `wrangler secret put` for the first admin and delete it afterwards (docs/security.md › Bootstrap). Once
 * an admin exists it refuses (staff_bootstrap_closed), so a secret left set mints nobody: admins make
 * accounts in the console.
 */
export const staffBootstrapRoutes = () =>
  new Hono<AppEnv>().post('/bootstrap', rateLimit([{ binding: 'SIGN_IN_LIMIT_CLIENT', key: clientAddress }], 60), audited('account_create'), async (c) => {
    const secret = c.env.STAFF_BOOTSTRAP_SECRET;
    if (!secret || secret.length < MIN_SECRET_LENGTH) throw refusal('not_found');
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!given || !(await safeEqual(given, secret))) throw refusal('staff_unauthorized');
    const body = await readJson(c, bootstrapSchema);
    noteAudit(c, { bootstrap: true, username: body.username, role: body.role });
    const directory = staffDirectory(c.env);
    const created = await directory.createBootstrapAccount({ username: body.username, role: body.role, password: await hashPassword(body.password) });
    if (!created.ok) throw refusal(created.code);
    if (!body.tokenName) return c.json({ username: created.account.username, role: created.account.role }, 201);
    const token = newOpaqueToken(API_TOKEN_PREFIX);
    await directory.createToken(created.account.id, body.tokenName, await tokenHash(token));
    return c.json({ username: created.account.username, role: created.account.role, token }, 201);
  });
