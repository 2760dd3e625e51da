import type { ObjectMeta } from './object-meta.ts';

/**
 * How often at most any key is written: a margin below KV's limit of one write a second per key, so
 * an alarm that runs a little early or a put that lands a little late is not refused.
 */
export const FLUSH_INTERVAL_MS = 1_500;
/** How long after a key was written it is written once more (the reconcile; see below). */
export const REWRITE_AFTER_MS = 5_000;
const MAX_RETRY_DELAY_MS = 30_000;
/**
 * KV writes per flush at most, the snapshot's included. One alarm is one invocation, and KV allows 1,000
 * operations per invocation: a lottery draw for 5,000 stages ~5,000 keys at once, so they go out in
 * batches an interval apart. Half the allowance is left to the rest of the alarm (the draw's standing
 * reads, the member reports).
 */
export const FLUSH_BATCH = 500;

export type KvWriter = Pick<KVNamespace, 'put' | 'delete'>;

/** A value derived from the object's whole state (a seat map), rendered when it is written. */
export type RenderSnapshot = (version: number) => { key: string; value: string } | undefined;

interface OutboxRow extends Record<string, SqlStorageValue> {
  key: string;
  value: string | null;
  metadata: string | null;
  version: number;
  rewrite_at: number | null;
}

/**
 * Write-through from a Durable Object's SQLite to Workers KV, for any object that mirrors its state
 * there. The life of a key:
 *
 * 1. **Staged** (`put`/`delete`) in the same transaction as the change it mirrors: one row per key, a
 *    later change replacing the row and raising its `version`. `touch()` marks the whole state changed
 *    (the `state_version` meta), so the snapshot (`renderSnapshot`, e.g. a seat map) is due too.
 * 2. **Written** by the object's alarm (`alarm()`), which `scheduleFlush()` sets after a commit, no
 *    sooner than FLUSH_INTERVAL_MS after the last flush, or by `resumeAlarm()` when the object wakes with
 *    writes left and no alarm (a reset between a commit and its alarm). A failed write stays staged and
 *    the alarm retries with back-off; a row changed while its write was in flight stays staged (its
 *    version moved).
 * 3. **Dropped** once written, unless an older write of the key may still land: a put in flight when an
 *    earlier instance of the object was evicted (the key was staged when this instance woke), or a put
 *    that failed (it may have reached KV all the same). Such a key is **rewritten once**,
 *    REWRITE_AFTER_MS after it was written, so KV does not keep the stale value until the key changes
 *    again. The snapshot is treated the same way (`snapshot_rewrite_at`). Keys written by this instance
 *    alone are written once: rewriting every key would double the KV writes of a noon rush.
 *
 * `pendingWrites()` is about step 2 only: a key waiting for its rewrite is already in KV.
 */
export class KvOutbox {
  private readonly storage: DurableObjectStorage;
  private readonly meta: ObjectMeta;
  private readonly kv: () => KvWriter;
  private readonly renderSnapshot: RenderSnapshot;
  /** Names the owner in log lines. */
  private readonly label: () => string;
  private lastFlushAt = 0;
  /** When the alarm is known to be set for, so commits between flushes need not ask storage. */
  private alarmAt: number | undefined;
  /** Something was staged since the last scheduleFlush: a commit with nothing to write sets no alarm. */
  private staged = false;
  /** Keys an older write of which may still land in KV (step 3): rewritten once after their next write. */
  private readonly suspect = new Set<string>();
  private snapshotSuspect = false;

  constructor(options: { storage: DurableObjectStorage; meta: ObjectMeta; kv: () => KvWriter; renderSnapshot: RenderSnapshot; label: () => string }) {
    ({ storage: this.storage, meta: this.meta, kv: this.kv, renderSnapshot: this.renderSnapshot, label: this.label } = options);
    const sql = this.storage.sql;
    // rewrite_at NULL: waiting to be written; a time: written, to be written once more then.
    sql.exec('CREATE TABLE IF NOT EXISTS outbox (key TEXT PRIMARY KEY, value TEXT, metadata TEXT, version INTEGER NOT NULL, rewrite_at INTEGER)');
    const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('outbox')").toArray();
    if (!columns.some((column) => column.name === 'rewrite_at')) sql.exec('ALTER TABLE outbox ADD COLUMN rewrite_at INTEGER');
    // Waking with rows in the outbox: the instance before may have had writes of them in flight.
    for (const { key } of sql.exec<{ key: string }>('SELECT key FROM outbox')) this.suspect.add(key);
    this.snapshotSuspect = this.snapshotDue();
  }

  put(key: string, value: string | null, metadata?: unknown): void {
    this.staged = true;
    this.storage.sql.exec(
      `INSERT INTO outbox (key, value, metadata, version) VALUES (?, ?, ?, 1)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, metadata = excluded.metadata, version = outbox.version + 1, rewrite_at = NULL`,
      key,
      value,
      metadata === undefined ? null : JSON.stringify(metadata),
    );
  }

  delete(key: string): void {
    this.put(key, null);
  }

  /** Increases with every change to the state; the snapshot written to KV carries it. */
  stateVersion(): number {
    return Number(this.meta.get('state_version') ?? '0');
  }

  /** Marks the state as changed: the next flush writes a new snapshot. */
  touch(): void {
    this.staged = true;
    this.meta.set('state_version', String(this.stateVersion() + 1));
  }

  /** Makes the next flush write the snapshot even if nothing changed (for a rebuild). */
  invalidateSnapshot(): void {
    this.staged = true;
    this.meta.set('snapshot_version', '-1');
  }

  /** Whether something committed has not reached KV yet. */
  pendingWrites(): boolean {
    const staged = this.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE rewrite_at IS NULL').one().n;
    return staged > 0 || this.snapshotDue();
  }

  /**
   * Sets the alarm when the object wakes with writes to do and none is set: an instance reset between a
   * commit and its `scheduleFlush` left them, and a retry that replays the commit stages nothing to set
   * it. One storage call per wake, none per commit. The alarm waits FLUSH_INTERVAL_MS, as the last
   * flush's time died with that instance.
   */
  async resumeAlarm(): Promise<void> {
    const outboxRows = this.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM outbox').one().n;
    if (outboxRows === 0 && !this.snapshotDue() && this.meta.get('snapshot_rewrite_at') === undefined) return;
    const current = await this.storage.getAlarm();
    if (current !== null) {
      this.alarmAt = current;
      return;
    }
    this.alarmAt = Date.now() + FLUSH_INTERVAL_MS;
    await this.storage.setAlarm(this.alarmAt);
  }

  /** Sets the alarm after a commit that staged writes, no sooner than FLUSH_INTERVAL_MS after the last flush. */
  async scheduleFlush(): Promise<void> {
    if (!this.staged) return;
    this.staged = false;
    await this.setAlarmBy(Math.max(Date.now(), this.lastFlushAt + FLUSH_INTERVAL_MS));
  }

  /** The object's alarm: writes what is staged and rewrites what is due, then sets the next alarm. */
  async alarm(): Promise<void> {
    this.alarmAt = undefined;
    const ok = await this.flush();
    const failures = ok ? 0 : Number(this.meta.get('flush_failures') ?? '0') + 1;
    this.meta.set('flush_failures', String(failures));
    const next = !ok
      ? Date.now() + Math.min(MAX_RETRY_DELAY_MS, FLUSH_INTERVAL_MS * 2 ** failures)
      : this.pendingWrites()
        ? this.lastFlushAt + FLUSH_INTERVAL_MS
        : this.nextRewriteAt();
    if (next !== undefined) await this.setAlarmBy(Math.max(next, this.lastFlushAt + FLUSH_INTERVAL_MS));
  }

  /** Makes sure the alarm runs by `at` for another owner of the object's one alarm (the noon queue). */
  async wakeBy(at: number): Promise<void> {
    await this.setAlarmBy(at);
  }

  private async setAlarmBy(at: number): Promise<void> {
    if (this.alarmAt !== undefined && this.alarmAt <= at) return;
    const current = await this.storage.getAlarm();
    if (current !== null && current <= at) {
      this.alarmAt = current;
      return;
    }
    this.alarmAt = at;
    await this.storage.setAlarm(at);
  }

  /** The oldest staged rows, at most `limit`. */
  private stagedRows(limit: number): OutboxRow[] {
    return this.storage.sql.exec<OutboxRow>('SELECT * FROM outbox WHERE rewrite_at IS NULL ORDER BY rowid LIMIT ?', limit).toArray();
  }

  private snapshotDue(): boolean {
    return this.stateVersion() !== Number(this.meta.get('snapshot_version') ?? '0');
  }

  private nextRewriteAt(): number | undefined {
    const row = this.storage.sql.exec<{ at: number | null }>('SELECT MIN(rewrite_at) AS at FROM outbox').one();
    const snapshotAt = this.meta.get('snapshot_rewrite_at');
    const times = [row.at, snapshotAt === undefined ? null : Number(snapshotAt)].filter((at) => at !== null);
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  private async flush(): Promise<boolean> {
    const now = Date.now();
    this.lastFlushAt = now;
    const kv = this.kv();
    const sql = this.storage.sql;
    const write = (row: OutboxRow) =>
      row.value === null ? kv.delete(row.key) : kv.put(row.key, row.value, row.metadata === null ? undefined : { metadata: JSON.parse(row.metadata) });

    // Step 2: staged keys, a batch (one write kept for the snapshot). A row whose version moved while its
    // put was in flight stays staged.
    const writes = this.stagedRows(FLUSH_BATCH - 1).map(async (row) => {
      try {
        await write(row);
      } catch (error) {
        this.suspect.add(row.key);
        throw error;
      }
      if (this.suspect.has(row.key)) {
        sql.exec('UPDATE outbox SET rewrite_at = ? WHERE key = ? AND version = ?', Date.now() + REWRITE_AFTER_MS, row.key, row.version);
      } else {
        sql.exec('DELETE FROM outbox WHERE key = ? AND version = ?', row.key, row.version);
      }
    });
    // Step 3: suspect keys written long enough ago are written once more, then dropped.
    const rewrites = sql.exec<OutboxRow>('SELECT * FROM outbox WHERE rewrite_at <= ? ORDER BY rewrite_at LIMIT ?', now, FLUSH_BATCH - 1 - writes.length).toArray();
    for (const row of rewrites) {
      writes.push(
        write(row).then(() => {
          // A row changed meanwhile is staged again and keeps its rewrite to come.
          if (sql.exec('DELETE FROM outbox WHERE key = ? AND version = ?', row.key, row.version).rowsWritten > 0) this.suspect.delete(row.key);
        }),
      );
    }
    // The snapshot: when the state changed (step 2), or once more after it was written (step 3).
    const version = this.stateVersion();
    const rewriteAt = Number(this.meta.get('snapshot_rewrite_at') ?? NaN);
    const snapshot = this.snapshotDue() || rewriteAt <= now ? this.renderSnapshot(version) : undefined;
    if (snapshot) {
      const rewrite = !this.snapshotDue();
      writes.push(
        kv.put(snapshot.key, snapshot.value).then(
          () => {
            this.meta.set('snapshot_version', String(version));
            if (rewrite) this.meta.delete('snapshot_rewrite_at');
            else if (this.snapshotSuspect) this.meta.set('snapshot_rewrite_at', String(Date.now() + REWRITE_AFTER_MS));
            this.snapshotSuspect = false;
          },
          (error: unknown) => {
            this.snapshotSuspect = true;
            throw error;
          },
        ),
      );
    }
    const results = await Promise.allSettled(writes);
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) console.error(`${this.label()}: ${failed.length} KV writes failed, retrying`);
    return failed.length === 0;
  }
}
