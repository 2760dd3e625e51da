import { DurableObject } from 'cloudflare:workers';
import type { RosterProblem } from '../src/cinema/roster-rows.ts';
import type { RosterApplyMode, RosterUploadState } from '../src/cinema/roster-upload-state.ts';
import type { Env } from './env.ts';
import { kvKey, type RosterEntry } from './seat-store.ts';

/** A good row of a chunk as the Worker hashed it: nothing in clear reaches the object. */
export interface StagedMember {
  line: number;
  memberId: string;
  check: string;
}

export type RosterRefusalCode =
  | 'roster_upload_not_found'
  | 'roster_upload_closed'
  | 'roster_upload_incomplete'
  | 'roster_replace_with_problems'
  | 'roster_apply_running'
  | 'roster_mode_conflict'
  | 'roster_chunk_out_of_range';

export type RosterOutcome = { ok: true; state: RosterUploadState } | { ok: false; refusal: { code: RosterRefusalCode; missing?: number[] } };

/** KV operations per alarm run: a Worker invocation may make 1,000 (one list + up to 500 deletes fits). */
export const APPLY_BATCH = 500;
/** After a failed KV write (e.g. KV's one write per second per key): wait, then go on from the same place. */
const RETRY_MS = 2_000;
/** Uploads nobody applied are forgotten after a week. */
const UPLOAD_TTL_MS = 7 * 86_400_000;

interface UploadRow extends Record<string, SqlStorageValue> {
  id: string;
  chunks: number;
  status: RosterUploadState['status'];
  mode: RosterApplyMode | null;
  phase: 'write' | 'prune' | null;
  cursor: string;
  list_cursor: string | null;
  members: number;
  written: number;
  removed: number;
}

/**
 * The roster's upload sessions, one object for the whole roster (idFromName('roster')). Chunks are staged
 * here, in SQLite, keyed by chunk index (a chunk sent twice replaces itself), and nothing reaches KV until
 * an admin applies an upload; the alarm then writes it in batches, surviving restarts and KV's refusals,
 * and only one upload is applied at a time. Why an object rather than KV staging keys: the staged rows
 * need a uniqueness check across chunks, a count of what is missing, and a single writer for apply.
 */
export class RosterObject extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS uploads (id TEXT PRIMARY KEY, chunks INTEGER NOT NULL, status TEXT NOT NULL, mode TEXT,
        phase TEXT, cursor TEXT NOT NULL DEFAULT '', list_cursor TEXT, members INTEGER NOT NULL DEFAULT 0,
        written INTEGER NOT NULL DEFAULT 0, removed INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS chunks (upload TEXT NOT NULL, n INTEGER NOT NULL, problems TEXT NOT NULL, PRIMARY KEY (upload, n));
      CREATE TABLE IF NOT EXISTS staged (upload TEXT NOT NULL, member_id TEXT NOT NULL, chunk INTEGER NOT NULL, line INTEGER NOT NULL,
        check_hash TEXT NOT NULL, PRIMARY KEY (upload, member_id));
      CREATE INDEX IF NOT EXISTS staged_by_chunk ON staged (upload, chunk);
    `);
  }

  // ---- RPC surface -------------------------------------------------------------------------------

  /** Opens an upload of `chunks` chunks, or finds the one already open under this id (a resumed upload). */
  async open(id: string, chunks: number): Promise<RosterOutcome> {
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      for (const { id: old } of this.sql.exec<{ id: string }>(`SELECT id FROM uploads WHERE status != 'applying' AND created_at < ?`, now - UPLOAD_TTL_MS).toArray()) {
        this.forget(old);
      }
      this.sql.exec(`INSERT INTO uploads (id, chunks, status, created_at) VALUES (?, ?, 'staging', ?) ON CONFLICT (id) DO NOTHING`, id, chunks, now);
    });
    return { ok: true, state: this.state(this.upload(id)!) };
  }

  /** Stages chunk `n`, replacing what an earlier send of it staged. A member number twice in the upload is a problem. */
  async putChunk(id: string, n: number, members: StagedMember[], problems: RosterProblem[]): Promise<RosterOutcome> {
    const upload = this.upload(id);
    if (!upload) return { ok: false, refusal: { code: 'roster_upload_not_found' } };
    if (upload.status !== 'staging') return { ok: false, refusal: { code: 'roster_upload_closed' } };
    if (n >= upload.chunks) return { ok: false, refusal: { code: 'roster_chunk_out_of_range' } };
    this.ctx.storage.transactionSync(() => {
      this.sql.exec(`DELETE FROM staged WHERE upload = ? AND chunk = ?`, id, n);
      const found = [...problems];
      for (const member of members) {
        const earlier = this.sql.exec<{ line: number }>(`SELECT line FROM staged WHERE upload = ? AND member_id = ?`, id, member.memberId).toArray()[0];
        if (earlier) {
          found.push({ line: member.line, code: 'duplicate', message: `会员号与第 ${earlier.line} 行重复` });
          continue;
        }
        this.sql.exec(`INSERT INTO staged (upload, member_id, chunk, line, check_hash) VALUES (?, ?, ?, ?, ?)`, id, member.memberId, n, member.line, member.check);
      }
      this.sql.exec(`INSERT OR REPLACE INTO chunks (upload, n, problems) VALUES (?, ?, ?)`, id, n, JSON.stringify(found));
    });
    return { ok: true, state: this.state(this.upload(id)!) };
  }

  async status(id: string): Promise<RosterOutcome> {
    const upload = this.upload(id);
    return upload ? { ok: true, state: this.state(upload) } : { ok: false, refusal: { code: 'roster_upload_not_found' } };
  }

  /**
   * Starts applying an upload: merge writes its members; replace also removes, once they are all written,
   * the members not in it. Applying again in the same mode answers the progress (a retried request).
   */
  async apply(id: string, mode: RosterApplyMode): Promise<RosterOutcome> {
    const upload = this.upload(id);
    if (!upload) return { ok: false, refusal: { code: 'roster_upload_not_found' } };
    if (upload.status !== 'staging') {
      return upload.mode === mode ? { ok: true, state: this.state(upload) } : { ok: false, refusal: { code: 'roster_mode_conflict' } };
    }
    const state = this.state(upload);
    if (state.missing.length > 0) return { ok: false, refusal: { code: 'roster_upload_incomplete', missing: state.missing } };
    if (mode === 'replace' && state.problems.length > 0) return { ok: false, refusal: { code: 'roster_replace_with_problems' } };
    if (this.sql.exec(`SELECT 1 FROM uploads WHERE status = 'applying'`).toArray().length > 0) return { ok: false, refusal: { code: 'roster_apply_running' } };
    this.sql.exec(`UPDATE uploads SET status = 'applying', mode = ?, phase = 'write', members = ? WHERE id = ?`, mode, state.members, id);
    await this.ctx.storage.setAlarm(Date.now());
    return { ok: true, state: this.state(this.upload(id)!) };
  }

  /** One batch of the upload being applied; the next alarm does the next. */
  override async alarm(): Promise<void> {
    const upload = this.sql.exec<UploadRow>(`SELECT * FROM uploads WHERE status = 'applying'`).toArray()[0];
    if (!upload) return;
    try {
      const more = upload.phase === 'write' ? await this.writeBatch(upload) : await this.pruneBatch(upload);
      if (more) await this.ctx.storage.setAlarm(Date.now());
    } catch (error) {
      console.error('roster apply paused:', error instanceof Error ? error.message : error);
      await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
    }
  }

  // ---- internals ---------------------------------------------------------------------------------

  private async writeBatch(upload: UploadRow): Promise<boolean> {
    const batch = this.sql
      .exec<{ member_id: string; check_hash: string }>(
        `SELECT member_id, check_hash FROM staged WHERE upload = ? AND member_id > ? ORDER BY member_id LIMIT ?`,
        upload.id,
        upload.cursor,
        APPLY_BATCH,
      )
      .toArray();
    await Promise.all(batch.map(({ member_id, check_hash }) => this.env.SEATS.put(kvKey.roster(member_id), JSON.stringify({ check: check_hash } satisfies RosterEntry))));
    // Advanced only once the whole batch is in KV: a failed batch is written again (the same values).
    const last = batch.at(-1)?.member_id ?? upload.cursor;
    if (batch.length === APPLY_BATCH) {
      this.sql.exec(`UPDATE uploads SET cursor = ?, written = written + ? WHERE id = ?`, last, batch.length, upload.id);
      return true;
    }
    if (upload.mode === 'replace') {
      this.sql.exec(`UPDATE uploads SET cursor = ?, written = written + ?, phase = 'prune' WHERE id = ?`, last, batch.length, upload.id);
      return true;
    }
    this.finish(upload.id, batch.length, 0);
    return false;
  }

  /** Replace: the roster keys in KV that the upload does not hold, a page of the listing at a time. */
  private async pruneBatch(upload: UploadRow): Promise<boolean> {
    const page = await this.env.SEATS.list({ prefix: kvKey.roster(''), limit: APPLY_BATCH, ...(upload.list_cursor ? { cursor: upload.list_cursor } : {}) });
    const listed = page.keys.map((key) => key.name.slice(kvKey.roster('').length));
    const stale = this.sql
      .exec<{ value: string }>(`SELECT value FROM json_each(?) WHERE value NOT IN (SELECT member_id FROM staged WHERE upload = ?)`, JSON.stringify(listed), upload.id)
      .toArray()
      .map(({ value }) => value);
    await Promise.all(stale.map((memberId) => this.env.SEATS.delete(kvKey.roster(memberId))));
    if (page.list_complete) {
      this.finish(upload.id, 0, stale.length);
      return false;
    }
    this.sql.exec(`UPDATE uploads SET list_cursor = ?, removed = removed + ? WHERE id = ?`, page.cursor, stale.length, upload.id);
    return true;
  }

  /** Applied: the staged hashes are no longer needed, only the counts. */
  private finish(id: string, written: number, removed: number): void {
    this.ctx.storage.transactionSync(() => {
      this.sql.exec(`UPDATE uploads SET status = 'applied', phase = NULL, written = written + ?, removed = removed + ? WHERE id = ?`, written, removed, id);
      this.sql.exec(`DELETE FROM staged WHERE upload = ?`, id);
    });
  }

  private forget(id: string): void {
    for (const table of ['staged', 'chunks']) this.sql.exec(`DELETE FROM ${table} WHERE upload = ?`, id);
    this.sql.exec(`DELETE FROM uploads WHERE id = ?`, id);
  }

  private upload(id: string): UploadRow | undefined {
    return this.sql.exec<UploadRow>(`SELECT * FROM uploads WHERE id = ?`, id).toArray()[0];
  }

  private state(upload: UploadRow): RosterUploadState {
    const received = new Set(this.sql.exec<{ n: number }>(`SELECT n FROM chunks WHERE upload = ?`, upload.id).toArray().map(({ n }) => n));
    const problems = this.sql
      .exec<{ problems: string }>(`SELECT problems FROM chunks WHERE upload = ? ORDER BY n`, upload.id)
      .toArray()
      .flatMap((row) => JSON.parse(row.problems) as RosterProblem[])
      .sort((a, b) => a.line - b.line);
    const members =
      upload.status === 'staging' ? (this.sql.exec<{ count: number }>(`SELECT COUNT(*) AS count FROM staged WHERE upload = ?`, upload.id).one().count) : upload.members;
    return {
      id: upload.id,
      status: upload.status,
      chunks: upload.chunks,
      missing: Array.from({ length: upload.chunks }, (_, n) => n).filter((n) => !received.has(n)),
      members,
      problems,
      mode: upload.mode,
      written: upload.written,
      removed: upload.removed,
    };
  }
}
