/**
 * npm run search:reindex -- [--site dist] (--local [--persist-to DIR] | --env staging|production) [--full] [--config wrangler.toml]
 *
 * Puts the built site into the search database (D1, the SEARCH binding; functions/search/): applies
 * its migrations, reads every built page's search document (src/search/page-document.ts), compares
 * each page's fingerprint with the one the database holds, and writes only the pages added or changed
 * and deletes the removed ones, in SQL files run by `wrangler d1 execute --file`. Each page is written
 * whole, so a run that stops part-way is completed by the next. --full rewrites every page (after a
 * change to how pages are indexed). `npm start` runs it with --local after the build, a deploy with
 * --env after `wrangler deploy`. Prints one line: pages, added, changed, removed, unchanged, seconds.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reindexDiff, type Fingerprinted } from '../src/search/reindex-diff.ts';
import { reindexScripts } from '../src/search/reindex-scripts.ts';
import { sqlFiles } from '../src/search/sql-files.ts';
import { htmlFiles, readDocuments } from './search-reindex/site-documents.ts';
import { ReindexError } from './search-reindex/reindex-error.ts';
import { applyMigrations, executeFile, query, type D1Target } from './search-reindex/wrangler-d1.ts';

const started = Date.now();
const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    local: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    env: { type: 'string' },
    config: { type: 'string' },
    full: { type: 'boolean', default: false },
  },
});

function target(): D1Target {
  if (values.local === Boolean(values.env)) throw new ReindexError('用法：npm run search:reindex -- [--site dist] (--local [--persist-to 目录] | --env staging|production) [--full]');
  if (values['persist-to'] && !values.local) throw new ReindexError('--persist-to 只用于 --local');
  return values.local ? { local: true, persistTo: values['persist-to'], config: values.config } : { local: false, env: values.env!, config: values.config };
}

function reindex(): string {
  const d1 = target();
  const site = path.resolve(values.site);
  if (!existsSync(site) || !statSync(site).isDirectory()) throw new ReindexError(`找不到网站目录 ${values.site}（先运行 npm run build）`);
  // The pages first: a page that cannot be indexed stops the run before the database is touched.
  const built = new Map(readDocuments(site, htmlFiles(site)));
  applyMigrations(d1);
  const stored = query<Fingerprinted>(d1, 'SELECT url, fingerprint FROM search_documents');
  const diff = reindexDiff(
    [...built].map(([url, { fingerprint }]) => ({ url, fingerprint })),
    stored,
    { full: values.full },
  );
  const dir = mkdtempSync(path.join(tmpdir(), 'huigong-reindex-'));
  let bytes = 0;
  try {
    let n = 0;
    for (const sql of sqlFiles(reindexScripts(diff, built))) {
      const file = path.join(dir, `reindex-${++n}.sql`);
      writeFileSync(file, sql);
      bytes += Buffer.byteLength(sql);
      executeFile(d1, file);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const size = bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `搜索索引：${built.size} 页，新增 ${diff.added.length}，更新 ${diff.changed.length}，删除 ${diff.removed.length}，未变 ${diff.unchanged.length}，SQL ${size}，${seconds} 秒`;
}

try {
  console.log(reindex());
} catch (error) {
  if (!(error instanceof ReindexError)) throw error;
  console.error(`search:reindex：${error.message}`);
  process.exit(1);
}
