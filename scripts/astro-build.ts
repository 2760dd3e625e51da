/**
 * `astro build` with Node's heap limit raised to what the runner has (scripts/build-heap.ts: on a
 * large archive the default limit would crash the build). `npm run build:site` runs it; arguments
 * pass through to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import path from 'node:path';
import { availableMemoryBytes, buildNodeOptions } from './build-heap.ts';

const nodeOptions = buildNodeOptions(process.env.NODE_OPTIONS, availableMemoryBytes(totalmem(), process.constrainedMemory()));
const astro = path.join(import.meta.dirname, '..', 'node_modules', 'astro', 'bin', 'astro.mjs');
console.log(`astro build with NODE_OPTIONS=${nodeOptions}`);
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: nodeOptions } });
process.exit(result.status ?? 1);
