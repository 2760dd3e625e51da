/**
 * Indexes one shard of the search index in its own process (so each shard's memory is its own, and is
 * returned when the shard is written): `node scripts/search-index/shard.ts JOB.json`, where the job
 * holds the shard's index documents and the folder to write. Run by scripts/search-index.ts.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { IndexDocument } from '../../src/search/index-document.ts';

interface Job {
  outputPath: string;
  pages: IndexDocument[];
}

/** Not needed by a merged shard: the UI bundles, the search worker and the WebAssembly are the primary index's. */
const UI_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)|^pagefind\.js$|^wasm\./;

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Job;
// English: words are what lies between spaces; the Chinese text comes in character pairs (han-bigrams.ts).
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
for (const page of job.pages) {
  const added = await index.addHTMLFile({ url: page.url, content: page.html });
  if (added.errors.length > 0) throw new Error(`pagefind: ${page.url}: ${added.errors.join('; ')}`);
}
const written = await index.writeFiles({ outputPath: job.outputPath });
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
if (process.argv.includes('--merged')) {
  for (const file of readdirSync(job.outputPath)) {
    if (UI_FILES.test(file)) rmSync(path.join(job.outputPath, file), { force: true });
  }
}
writeFileSync(path.join(job.outputPath, '.complete'), `${job.pages.length}\n`);
