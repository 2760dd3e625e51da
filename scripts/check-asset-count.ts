/**
 * The last step of `npm run build:site`: counts the files `wrangler deploy` would upload from the built
 * site and fails the build past Cloudflare's per-version limit for WORKERS_PLAN (free, the default, or
 * paid): scripts/deploy/asset-limit.ts. Options: --site DIR (default $HUIGONG_OUT_DIR or dist).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assetCountVerdict, countsAsAsset, workersPlan } from './deploy/asset-limit.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: process.env.HUIGONG_OUT_DIR ?? 'dist' } } });
const site = path.resolve(values.site);
const files = readdirSync(site, { recursive: true, withFileTypes: true }).filter(
  (entry) => entry.isFile() && countsAsAsset(path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')),
).length;
const verdict = assetCountVerdict(files, workersPlan(process.env.WORKERS_PLAN));
if (verdict.ok) console.log(verdict.message);
else {
  console.error(verdict.message);
  process.exit(1);
}
