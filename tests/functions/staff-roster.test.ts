import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
// workerd has no file system: the fixtures' bytes in base64 (tests/cinema/roster-rows.test.ts keeps them equal to the .csv files).
import gbkFixture from '../fixtures/roster/bad-rows-gbk.csv.b64?raw';
import bomFixture from '../fixtures/roster/bad-rows-utf8-bom.csv.b64?raw';
import { memberId } from '../../functions/member-identity';
import { APPLY_BATCH } from '../../functions/roster-object';
import { kvKey } from '../../functions/seat-store';
import { rosterChunks, rosterUploadId, type RosterChunkRow } from '../../src/cinema/roster-chunks';
import { readRoster, type RosterMember } from '../../src/cinema/roster-rows';
import { rosterText } from '../../src/cinema/roster-text';
import { body, enrol, json, staffHeaders, testApp } from './helpers/cinema';
import { testStaffDirectory } from './helpers/staff';

const { request } = testApp();
const bytesOf = (base64: string) => Uint8Array.from(atob(base64.trim()), (c) => c.charCodeAt(0));
const put = (value: unknown) => ({ ...json(value, staffHeaders('admin')), method: 'PUT' });

const members = (count: number, from = 1): RosterMember[] =>
  Array.from({ length: count }, (_, i) => ({ line: i + 2, number: `RU${String(from + i).padStart(6, '0')}`, last4: String((from + i) % 10_000).padStart(4, '0') }));

async function open(chunks: RosterChunkRow[][]) {
  const id = await rosterUploadId(chunks);
  const opened = await request(`/api/staff/roster/uploads/${id}`, put({ chunks: chunks.length }));
  expect(opened.status).toBe(200);
  return id;
}
const sendChunk = (id: string, n: number, rows: RosterChunkRow[]) => request(`/api/staff/roster/uploads/${id}/chunks/${n}`, put({ rows }));
const apply = (id: string, mode: 'merge' | 'replace') => request(`/api/staff/roster/uploads/${id}/apply`, json({ mode }, staffHeaders('admin')));
const status = async (id: string) => body(await request(`/api/staff/roster/uploads/${id}`, { headers: staffHeaders('admin') }));
async function rosterKeys(): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  for (let page; !page?.list_complete; cursor = page.list_complete ? undefined : page.cursor) {
    page = await env.SEATS.list({ prefix: kvKey.roster(''), ...(cursor ? { cursor } : {}) });
    names.push(...page.keys.map((key) => key.name));
  }
  return names.sort();
}
const keysOf = (list: RosterMember[]) => Promise.all(list.map(async (m) => kvKey.roster(await memberId(m.number, env.MEMBER_HASH_KEY))));

/** Runs the roster object's alarm until the upload is applied. */
async function drainApply(id: string) {
  const stub = env.ROSTER.getByName('roster');
  for (let i = 0; i < 50 && (await status(id)).status === 'applying'; i++) await runDurableObjectAlarm(stub);
  expect((await status(id)).status).toBe('applied');
}

async function upload(list: RosterMember[]) {
  const chunks = rosterChunks(list);
  const id = await open(chunks);
  for (const [n, rows] of chunks.entries()) expect((await sendChunk(id, n, rows)).status).toBe(200);
  return id;
}

const signIn = (memberNumber: string, phoneLast4: string) => request('/api/session', json({ memberNumber, phoneLast4 }, { 'CF-Connecting-IP': '10.9.9.9' }));

describe('roster upload', () => {
  it('reads the GBK and BOM fixtures in workerd: every bad row by line and reason, blank lines skipped', () => {
    for (const fixture of [gbkFixture, bomFixture]) {
      const read = readRoster(rosterText(bytesOf(fixture)).text);
      expect(read.problems.map((p) => [p.line, p.code])).toEqual([
        [4, 'phone_digits'],
        [5, 'phone_scientific'],
        [7, 'duplicate'],
        [8, 'number_invalid'],
        [11, 'phone_not_digits'],
        [12, 'phone_missing'],
      ]);
      expect(read.blankLines).toEqual([6, 10]);
      expect(read.members.map((m) => m.number)).toEqual(['GH-0001', 'GH0002', 'GH-0006', 'GH-0009']);
    }
  });

  it('stages chunks, reports bad rows a client sent, writes nothing until applied, then merges', async () => {
    const { members: good } = readRoster(rosterText(bytesOf(gbkFixture)).text);
    // A client that skipped the checks: a bad phone, a bad number and a duplicate across chunks.
    const chunks: RosterChunkRow[][] = [
      [...good.slice(0, 2).map((m): RosterChunkRow => [m.line, m.number, m.last4]), [20, 'GH-0010', '12x4']],
      [[21, '会员#', '1234'], ...good.slice(2).map((m): RosterChunkRow => [m.line, m.number, m.last4]), [22, 'gh-0001', '9999']],
    ];
    const id = await open(chunks);
    expect(await status(id)).toMatchObject({ status: 'staging', chunks: 2, missing: [0, 1], members: 0 });
    await sendChunk(id, 0, chunks[0]!);
    // Applying an incomplete upload is refused and says what is missing.
    const early = await apply(id, 'merge');
    expect(early.status).toBe(409);
    expect(await body(early)).toMatchObject({ error: { code: 'roster_upload_incomplete', missing: [1] } });
    // Chunk 1 sent twice (a retry after a dropped connection): the same state as once.
    await sendChunk(id, 1, chunks[1]!);
    const again = await sendChunk(id, 1, chunks[1]!);
    const state = await body(again);
    expect(state).toMatchObject({ status: 'staging', missing: [], members: 4 });
    expect(state.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [20, 'phone_digits'],
      [21, 'number_invalid'],
      [22, 'duplicate'],
    ]);
    expect(await rosterKeys()).toEqual([]);

    // Replace would drop members whose rows are bad: refused; merge skips them.
    expect(await body(await apply(id, 'replace'))).toMatchObject({ error: { code: 'roster_replace_with_problems' } });
    const applied = await apply(id, 'merge');
    expect(applied.status).toBe(202);
    expect(await body(applied)).toMatchObject({ status: 'applying', mode: 'merge', members: 4 });
    await drainApply(id);
    expect(await rosterKeys()).toEqual((await keysOf(good)).sort());
    expect((await signIn('GH-0009', '8009')).status).toBe(200);
    expect((await signIn('gh-0001', '8001')).status).toBe(200);
    // Applied: chunks are refused, a retried apply answers the same, the other mode is refused.
    expect((await sendChunk(id, 0, chunks[0]!)).status).toBe(409);
    expect(await body(await apply(id, 'merge'))).toMatchObject({ status: 'applied', written: 4 });
    expect(await body(await apply(id, 'replace'))).toMatchObject({ error: { code: 'roster_mode_conflict' } });
  });

  it('keeps nothing in clear: the staged rows and KV hold keyed hashes only', async () => {
    const list = members(3, 900_001);
    const id = await upload(list);
    const stored = await runInDurableObject(env.ROSTER.getByName('roster'), async (_, state) =>
      JSON.stringify(['uploads', 'chunks', 'staged'].map((table) => state.storage.sql.exec(`SELECT * FROM ${table}`).toArray())),
    );
    expect(stored).toContain(id);
    for (const m of list) {
      expect(stored).not.toContain(m.number);
      expect(stored).not.toContain(`"${m.last4}"`);
    }
  });

  it('replaces: writes every member in batches, then removes those not in the upload', async () => {
    await enrol('RU-GONE', '1111');
    const before = await rosterKeys();
    const list = members(APPLY_BATCH * 2 + 37);
    const id = await upload(list);
    expect(await rosterKeys()).toEqual(before);
    // Uploaded first, so that its apply follows at once (the first apply's batches run on the object's alarm).
    const other = await upload(members(2, 500_000));
    expect((await apply(id, 'replace')).status).toBe(202);
    // Another upload cannot be applied meanwhile.
    expect(await body(await apply(other, 'merge'))).toMatchObject({ error: { code: 'roster_apply_running' } });
    await drainApply(id);
    expect(await rosterKeys()).toEqual((await keysOf(list)).sort());
    expect(await status(id)).toMatchObject({ status: 'applied', mode: 'replace', written: list.length, removed: before.length });
    expect((await signIn('RU-GONE', '1111')).status).toBe(401);
    expect((await signIn('RU000777', '0777')).status).toBe(200);
  });

  it('is for admins only: anonymous 401, door and operator 403, on every route', async () => {
    const id = await rosterUploadId([[[2, 'A1', '1234']]]);
    const routes: [string, string, unknown][] = [
      ['PUT', `/api/staff/roster/uploads/${id}`, { chunks: 1 }],
      ['GET', `/api/staff/roster/uploads/${id}`, undefined],
      ['PUT', `/api/staff/roster/uploads/${id}/chunks/0`, { rows: [[2, 'A1', '1234']] }],
      ['POST', `/api/staff/roster/uploads/${id}/apply`, { mode: 'replace' }],
    ];
    for (const [method, path, payload] of routes) {
      for (const [headers, status, code] of [
        [{}, 401, 'staff_unauthorized'],
        [staffHeaders('door'), 403, 'staff_forbidden'],
        [staffHeaders('operator'), 403, 'staff_forbidden'],
      ] as const) {
        const init: RequestInit = payload === undefined ? { method, headers } : { ...json(payload, headers), method };
        const response = await request(path, init);
        expect([method, path, response.status]).toEqual([method, path, status]);
        expect(await body(response)).toMatchObject({ error: { code } });
      }
    }
    expect(await body(await request(`/api/staff/roster/uploads/${id}`, { headers: staffHeaders('admin') }))).toMatchObject({ error: { code: 'roster_upload_not_found' } });
  });

  it('audits opening and applying an upload: who, how, how many, never a member', async () => {
    const list = members(2, 700_001);
    const id = await upload(list);
    await apply(id, 'merge');
    await drainApply(id);
    const entries = await testStaffDirectory().readAudit({ limit: 2 });
    expect(entries.map(({ action, actor, outcome, details }) => ({ action, actor, outcome, details }))).toEqual([
      { action: 'roster_apply', actor: 'test-admin', outcome: 'ok', details: { upload: id, mode: 'merge', members: 2 } },
      { action: 'roster_upload', actor: 'test-admin', outcome: 'ok', details: { upload: id, chunks: 1 } },
    ]);
    expect(JSON.stringify(entries)).not.toContain(list[0]!.number);
  });

  it('is refused for an upload it does not know', async () => {
    const id = await rosterUploadId([[[2, 'A1', '1234']]]);
    expect(await body(await sendChunk(id, 0, [[2, 'A1', '1234']]))).toMatchObject({ error: { code: 'roster_upload_not_found' } });
    expect((await request('/api/staff/roster/uploads/not-an-id', { headers: staffHeaders('admin') })).status).toBe(400);
    const opened = await open([[[2, 'A1', '1234']]]);
    expect(await body(await sendChunk(opened, 1, [[2, 'A1', '1234']]))).toMatchObject({ error: { code: 'roster_chunk_out_of_range' } });
  });
});
