/**
 * Puts a generated archive's pages (written to a folder as a built site holds them) into a local D1
 * (wrangler's --persist-to folder) the way a deploy does: `npm run search:reindex -- --site DIR --local
 * --persist-to STATE` (scripts/search-reindex.ts: migrations, every page's search document from its
 * data-search-* markup, SQL files run by `wrangler d1 execute --file`), timed, with its peak memory.
 */
import path from 'node:path';
import { ROOT, childEnv } from '../lib/env.ts';
import { measure } from '../lib/process-tree.ts';

export interface LoadStep {
  wallMs: number;
  peakTreeKiB: number;
  peakProcessKiB: number;
  /** The reindex's own summary line (pages, added …, SQL MB, seconds). */
  summary: string;
}

export async function reindexArchive(site: string, state: string, { full = false } = {}): Promise<LoadStep> {
  const run = await measure(path.join(ROOT, 'node_modules', '.bin', 'node'), ['scripts/search-reindex.ts', '--site', site, '--local', '--persist-to', state, ...(full ? ['--full'] : [])], {
    cwd: ROOT,
    env: childEnv(),
    timeoutMs: 3 * 60 * 60_000,
  });
  if (run.status !== 0) throw new Error(`search:reindex failed:\n${run.output.slice(-3000)}`);
  return { wallMs: run.wallMs, peakTreeKiB: run.peakTreeKiB, peakProcessKiB: run.peakProcessKiB, summary: run.output.trim().split('\n').at(-1) ?? '' };
}
