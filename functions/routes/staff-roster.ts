import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { MEMBER_NUMBER_PATTERN, PHONE_LAST4_PATTERN, type RosterProblem } from '../../src/cinema/roster-rows.ts';
import type { AppEnv } from '../env.ts';
import { memberCheck, memberId, normalizeMemberNumber } from '../member-identity.ts';
import { noteCounts, observeStaffAction } from '../observability/observe.ts';
import { readJson } from '../read-json.ts';
import { refusal } from '../refusals.ts';
import type { RosterOutcome, StagedMember } from '../roster-object.ts';
import { audited, noteAudit } from '../staff-audit.ts';
import { confirmStaff, requireStaff } from '../staff-auth.ts';

/** Who may change the roster: admins. */
const rosterAdmin = requireStaff('admin');

/** An upload's id is the SHA-256 of its chunks (src/cinema/roster-chunks.ts). */
const uploadId = z.string().regex(/^[0-9a-f]{64}$/);
export const rosterUploadSchema = z.object({ chunks: z.number().int().min(1).max(10_000) }).strict();
/** [line, member number, last four phone digits]: the browser sends no more of a phone than sign-in uses. */
export const rosterChunkSchema = z
  .object({ rows: z.array(z.tuple([z.number().int().min(2), z.string().max(64), z.string().max(8)])).min(1).max(1_000) })
  .strict();
export const rosterApplySchema = z.object({ mode: z.enum(['merge', 'replace']) }).strict();

function uploadOf(c: Context<AppEnv>): string {
  const id = uploadId.safeParse(c.req.param('upload'));
  if (!id.success) throw refusal('invalid_input', { issues: [{ path: 'upload', message: '上传编号应为 64 位十六进制' }] });
  return id.data;
}

function answer(c: Context<AppEnv>, outcome: RosterOutcome, status: 200 | 202 = 200) {
  if (!outcome.ok) {
    const { code, ...details } = outcome.refusal;
    throw refusal(code, details);
  }
  return c.json(outcome.state, status);
}

/**
 * The roster upload (docs/api.md › Roster upload): the browser reads and checks the file, then opens an
 * upload, sends its chunks (in any order, any number of times) and applies it. The Worker hashes the
 * member numbers and phone digits; the roster's object (functions/roster-object.ts) stages the hashes
 * and writes KV only when the upload is applied.
 */
export function staffRosterRoutes() {
  const roster = (c: Context<AppEnv>) => c.env.ROSTER.getByName('roster');
  return new Hono<AppEnv>()
    // Audited: opening an upload and applying it (who changed the roster, how, how many members). Chunks
    // only stage rows that change nothing until applied; an entry per chunk would be ~400 per roster.
    .put('/uploads/:upload', audited('roster_upload'), rosterAdmin, observeStaffAction('roster_upload'), async (c) => {
      const id = uploadOf(c);
      const body = await readJson(c, rosterUploadSchema);
      noteCounts(c, { chunks: body.chunks });
      noteAudit(c, { upload: id, chunks: body.chunks });
      await confirmStaff(c);
      return answer(c, await roster(c).open(id, body.chunks));
    })
    .get('/uploads/:upload', rosterAdmin, async (c) => answer(c, await roster(c).status(uploadOf(c))))
    .put('/uploads/:upload/chunks/:n{[0-9]{1,5}}', rosterAdmin, async (c) => {
      const id = uploadOf(c);
      const { rows } = await readJson(c, rosterChunkSchema);
      const problems: RosterProblem[] = [];
      const good: [number, string, string][] = [];
      for (const [line, raw, last4] of rows) {
        const number = normalizeMemberNumber(raw);
        if (!MEMBER_NUMBER_PATTERN.test(number)) problems.push({ line, code: 'number_invalid', message: '会员号无效（只能含字母、数字和 -，最长 32 位）' });
        else if (!PHONE_LAST4_PATTERN.test(last4)) problems.push({ line, code: 'phone_digits', message: '手机号后四位应为 4 位数字' });
        else good.push([line, number, last4]);
      }
      const key = c.env.MEMBER_HASH_KEY;
      const members: StagedMember[] = await Promise.all(
        good.map(async ([line, number, last4]) => ({ line, memberId: await memberId(number, key), check: await memberCheck(number, last4, key) })),
      );
      await confirmStaff(c);
      return answer(c, await roster(c).putChunk(id, Number(c.req.param('n')), members, problems));
    })
    .post('/uploads/:upload/apply', audited('roster_apply'), rosterAdmin, observeStaffAction('roster_apply'), async (c) => {
      const id = uploadOf(c);
      const { mode } = await readJson(c, rosterApplySchema);
      noteAudit(c, { upload: id, mode });
      await confirmStaff(c);
      const outcome = await roster(c).apply(id, mode);
      if (outcome.ok) {
        noteCounts(c, { members: outcome.state.members });
        noteAudit(c, { members: outcome.state.members });
      }
      return answer(c, outcome, 202);
    });
}
