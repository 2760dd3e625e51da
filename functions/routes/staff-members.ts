import { Hono } from 'hono';
import * as z from 'zod';
import { maskedMemberId } from '../../src/cinema/masked-member.ts';
import { strikeKindSchema } from '../../src/cinema/member-standing.ts';
import type { AppEnv } from '../env.ts';
import { memberId } from '../member-identity.ts';
import { memberStandingOf } from '../member-standing-check.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import { audited, noteAudit } from '../staff-audit.ts';
import { confirmStaff, requireStaff } from '../staff-auth.ts';

const memberNumber = z.string().trim().min(1).max(32);
export const standingLookupSchema = z.object({ memberNumber }).strict();
export const clearStrikeSchema = z
  .object({
    memberNumber,
    screeningId: z.string().min(1).max(100),
    kind: strikeKindSchema,
    reason: z.string().trim().min(2).max(200).regex(/^\P{Cc}+$/u, '原因不能含换行、制表符等控制字符'),
  })
  .strict();

/**
 * Operators: a member's standing (strikes, suspension) and clearing a strike with a reason. The member
 * number travels in the body, never in the URL (Cloudflare's request logs keep URLs); the Worker turns
 * it into the member's keyed id at once, and the audit log names the member only as masked.
 */
export function staffMemberRoutes() {
  return new Hono<AppEnv>()
    .post('/members/standing', audited('standing_lookup'), requireStaff('operator'), async (c) => {
      const body = await readJson(c, standingLookupSchema);
      const id = await memberId(body.memberNumber, c.env.MEMBER_HASH_KEY);
      noteAudit(c, { member: maskedMemberId(id) });
      return c.json({ member: maskedMemberId(id), standing: await memberStandingOf(c.env, id).standing() });
    })
    .post('/members/strikes/clear', audited('strike_clear'), requireStaff('operator'), async (c) => {
      const body = await readJson(c, clearStrikeSchema);
      const id = await memberId(body.memberNumber, c.env.MEMBER_HASH_KEY);
      noteAudit(c, { member: maskedMemberId(id), screeningId: body.screeningId, kind: body.kind, reason: body.reason });
      await confirmStaff(c);
      const outcome = await memberStandingOf(c.env, id).clearStrike({ screeningId: body.screeningId, kind: body.kind, by: c.var.staff.username, reason: body.reason });
      if (!outcome.ok) throw refusal(outcome.refusal.code);
      return c.json({ member: maskedMemberId(id), standing: outcome.standing });
    });
}
