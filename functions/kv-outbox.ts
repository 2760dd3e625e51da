import type { ObjectMeta } from './object-meta.ts';

/** How often at most the seat-map snapshot (and every other KV key) is written. */
const FLUSH_INTERVAL_MS = 1_000;
const MAX_RETRY_DELAY_MS = 30_000;

export type KvWriter = Pick<KVNamespace, 'put' | 'delete'>;

/** A value derived from the object's whole state (a seat map), rendered when the state changed. */
export type RenderSnapshot = (version: number) => { key: string; value: string } | undefined;

/**
 * Write-through from a Durable Object's SQLite to Workers KV. Changes are staged in the same
 * transaction as the state they mirror (one row per key, a later change replacing an earlier one);
 * the object's alarm then writes them, at most once a second, and retries with back-off until KV has
 * them all. Besides single keys, a snapshot of the whole state is re-rendered whenever `touch()` marked
 * the state changed.
 */
export class KvOutbox {
  private lastFlushAt = 0;
  /** Something was staged since the last scheduleFlush: a commit with nothing to write sets no alarm. */
  private staged = false;
  /** An alarm is known to be pending: commits in the same second need not ask storage again. */
  private alarmPending = false;

  private readonly storage: DurableObjectStorage;
  private readonly meta: ObjectMeta;
  private readonly kv: () => KvWriter;
  private readonly renderSnapshot: RenderSnapshot;
  /** Names the owner in log lines. */
  private readonly label: () => string;

  constructor(options: { storage: DurableObjectStorage; meta: ObjectMeta; kv: () => KvWriter; renderSnapshot: RenderSnapshot; label: () => string }) {
    ({ storage: this.storage, meta: this.meta, kv: this.kv, renderSnapshot: this.renderSnapshot, label: this.label } = options);
    const storage = this.storage;
    // The latest value each KV key must get (NULL: delete it); a later change to a key replaces its row.
    storage.sql.exec('CREATE TABLE IF NOT EXISTS outbox (key TEXT PRIMARY KEY, value TEXT, metadata TEXT, version INTEGER NOT NULL)');
  }

  put(key: string, value: string | null, metadata?: unknown): void {
    this.staged = true;
    this.storage.sql.exec(
      `INSERT INTO outbox (key, value, metadata, version) VALUES (?, ?, ?, 1)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, metadata = excluded.metadata, version = outbox.version + 1`,
      key,
      value,
      metadata === undefined ? null : JSON.stringify(metadata),
    );
  }

  delete(key: string): void {
    this.put(key, null);
  }

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

  pendingWrites(): boolean {
    const outbox = this.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM outbox').one().n;
    return outbox > 0 || this.stateVersion() !== Number(this.meta.get('snapshot_version') ?? '0');
  }

  /** Sets the alarm after a commit that staged writes, no sooner than a second after the last flush. */
  async scheduleFlush(): Promise<void> {
    if (!this.staged) return;
    this.staged = false;
    if (this.alarmPending || (await this.storage.getAlarm()) !== null) return;
    this.alarmPending = true;
    await this.storage.setAlarm(Math.max(Date.now(), this.lastFlushAt + FLUSH_INTERVAL_MS));
  }

  /** The object's alarm: writes the outbox and the snapshot through; reschedules itself until KV has it all. */
  async alarm(): Promise<void> {
    this.alarmPending = false;
    const ok = await this.flush();
    const failures = ok ? 0 : Number(this.meta.get('flush_failures') ?? '0') + 1;
    this.meta.set('flush_failures', String(failures));
    if (!ok) {
      await this.storage.setAlarm(Date.now() + Math.min(MAX_RETRY_DELAY_MS, FLUSH_INTERVAL_MS * 2 ** failures));
    } else if (this.pendingWrites()) {
      await this.storage.setAlarm(this.lastFlushAt + FLUSH_INTERVAL_MS);
    }
  }

  private async flush(): Promise<boolean> {
    this.lastFlushAt = Date.now();
    const kv = this.kv();
    const rows = this.storage.sql
      .exec<{ key: string; value: string | null; metadata: string | null; version: number }>('SELECT * FROM outbox')
      .toArray();
    const version = this.stateVersion();
    const snapshot = version !== Number(this.meta.get('snapshot_version') ?? '0') ? this.renderSnapshot(version) : undefined;
    const writes = rows.map(async (row) => {
      if (row.value === null) await kv.delete(row.key);
      else await kv.put(row.key, row.value, row.metadata === null ? undefined : { metadata: JSON.parse(row.metadata) });
      // A newer change to the same key stays queued for the next flush.
      this.storage.sql.exec('DELETE FROM outbox WHERE key = ? AND version = ?', row.key, row.version);
    });
    if (snapshot) {
      writes.push(kv.put(snapshot.key, snapshot.value).then(() => this.meta.set('snapshot_version', String(version))));
    }
    const results = await Promise.allSettled(writes);
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) console.error(`${this.label()}: ${failed.length} KV writes failed, retrying`);
    return failed.length === 0;
  }
}
