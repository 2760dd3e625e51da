/**
 * The size of the local D1 database wrangler keeps under --persist-to: a copy of its file and
 * write-ahead log opened with node:sqlite (D1 itself refuses PRAGMAs and dbstat), checkpointed, its
 * pages counted, and each table's share (the FTS5 index's shadow tables together).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export interface D1Size {
  mib: number;
  tables: Record<string, number>;
}

export function d1Size(state: string): D1Size {
  const folder = path.join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const database = readdirSync(folder)
    .filter((name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite')
    .map((name) => path.join(folder, name))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!database) throw new Error(`no D1 database in ${folder}`);
  const copy = mkdtempSync(path.join(tmpdir(), 'bench-d1-'));
  try {
    copyFileSync(database, path.join(copy, 'db.sqlite'));
    if (existsSync(`${database}-wal`)) copyFileSync(`${database}-wal`, path.join(copy, 'db.sqlite-wal'));
    const db = new DatabaseSync(path.join(copy, 'db.sqlite'));
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const { bytes } = db.prepare('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()').get() as { bytes: number };
    const rows = db
      .prepare("SELECT CASE WHEN name LIKE 'search_terms%' THEN 'search_terms (FTS5)' ELSE name END AS part, SUM(pgsize) AS bytes FROM dbstat GROUP BY part HAVING bytes > 65536 ORDER BY bytes DESC")
      .all() as { part: string; bytes: number }[];
    db.close();
    const mib = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
    return { mib: mib(bytes), tables: Object.fromEntries(rows.map((row) => [row.part, mib(row.bytes)])) };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
