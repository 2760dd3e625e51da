/**
 * Puts a generated archive into a local D1 (wrangler's --persist-to folder) as a deploy's reindex
 * does: each page's search document from its markup (src/search/page-document.ts), its statements
 * (index-statements.ts) written as SQL scripts, `wrangler d1 migrations apply` and then
 * `wrangler d1 execute --local --file` for each script.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pageDocument } from '../../src/search/page-document.ts';
import { sqlScript, upsertStatements } from '../../src/search/index-statements.ts';
import { ROOT, childEnv } from '../lib/env.ts';
import { measure, type Measured } from '../lib/process-tree.ts';
import { pageHtml, type ArchiveStory } from './archive.ts';

export interface LoadStep {
  /** Pages read into search documents and written as SQL, in this process. */
  documentsMs: number;
  scripts: number;
  sqlMiB: number;
  migrations: Measured;
  /** Every `wrangler d1 execute`, one after another: summed wall time, the highest peaks. */
  execute: { wallMs: number; peakTreeKiB: number; peakProcessKiB: number };
}

const WRANGLER = path.join(ROOT, 'node_modules', '.bin', 'wrangler');

function wrangler(args: string[]): Promise<Measured> {
  return measure(WRANGLER, args, { cwd: ROOT, env: childEnv(), timeoutMs: 60 * 60_000 });
}

/**
 * Loads `pages` into the local D1 under `state`, `perScript` pages to a script (one wrangler call
 * holds its whole script in memory).
 */
export async function loadArchive(pages: readonly ArchiveStory[], state: string, work: string, { perScript = 1_000 } = {}): Promise<LoadStep> {
  const started = performance.now();
  const folder = path.join(work, 'sql');
  mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let from = 0; from < pages.length; from += perScript) {
    const sql = pages
      .slice(from, from + perScript)
      .map((page) => {
        const document = pageDocument(page.url, pageHtml(page));
        if (!document) throw new Error(`${page.url}: nothing searchable`);
        return sqlScript(upsertStatements(document, createHash('sha256').update(JSON.stringify(document)).digest('hex')));
      })
      .join('');
    const file = path.join(folder, `${String(files.length + 1).padStart(3, '0')}.sql`);
    writeFileSync(file, sql);
    files.push(file);
    bytes += Buffer.byteLength(sql);
  }
  const documentsMs = performance.now() - started;
  const migrations = await wrangler(['d1', 'migrations', 'apply', 'SEARCH', '--local', '--persist-to', state]);
  if (migrations.status !== 0) throw new Error(`wrangler d1 migrations apply failed:\n${migrations.output.slice(-3000)}`);
  const execute = { wallMs: 0, peakTreeKiB: 0, peakProcessKiB: 0 };
  for (const [i, file] of files.entries()) {
    const run = await wrangler(['d1', 'execute', 'SEARCH', '--local', '--persist-to', state, '--file', file]);
    if (run.status !== 0) throw new Error(`wrangler d1 execute ${file} failed:\n${run.output.slice(-3000)}`);
    execute.wallMs += run.wallMs;
    execute.peakTreeKiB = Math.max(execute.peakTreeKiB, run.peakTreeKiB);
    execute.peakProcessKiB = Math.max(execute.peakProcessKiB, run.peakProcessKiB);
    console.log(`  d1: script ${i + 1} of ${files.length} in ${Math.round(run.wallMs / 1000)} s`);
  }
  return { documentsMs, scripts: files.length, sqlMiB: bytes / 2 ** 20, migrations, execute };
}
