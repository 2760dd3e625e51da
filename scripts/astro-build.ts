/**
 * `npm run build:site`'s Astro step: `astro build` with Node's heap limit raised to what the runner has
 * (scripts/build-heap.ts), arguments passed through to `astro build`.
 *
 * A large archive (more than STORIES_PER_PART stories, or HUIGONG_BUILD_PARTS story parts) is built in
 * parts (src/build/build-part.ts), each an `astro build` of its own in a copy of the project, as many at
 * once as the cores and memory allow; their pages are merged into the output folder and the sitemap is
 * written over the whole. Every part is given the same build time, so all agree on what is published
 * (HUIGONG_BUILD_TIME, when set, is that time). A part that fails, parts that do not merge, or the build
 * interrupted (Ctrl-C, SIGTERM) stop the build, stop the parts still running and leave the output folder
 * as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import path from 'node:path';
import { buildPartName, buildParts } from '../src/build/build-part.ts';
import { parseBuildTime } from '../src/build/build-time.ts';
import { partConcurrency, partMemoryBytes, storyPartCount } from './astro-build/build-plan.ts';
import { mergeParts } from './astro-build/merge-parts.ts';
import { contentCodeDigest } from './astro-build/content-code.ts';
import { partCacheDirs } from './astro-build/part-caches.ts';
import { writeMergedSitemap } from './astro-build/merged-sitemap.ts';
import { createPartWorkspace } from './astro-build/part-workspace.ts';
import { runParts } from './astro-build/run-parts.ts';
import { availableMemoryBytes, buildNodeOptions } from './build-heap.ts';

const root = path.resolve(import.meta.dirname, '..');
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const args = process.argv.slice(2);
const contentDir = path.resolve(process.env.HUIGONG_CONTENT_DIR ?? 'content');
const outDir = path.resolve(process.env.HUIGONG_OUT_DIR ?? 'dist');
const memory = availableMemoryBytes(totalmem(), process.constrainedMemory());

const newsDir = path.join(contentDir, 'news');
const stories = existsSync(newsDir) ? readdirSync(newsDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.mdx?$/.test(file)).length : 0;
/** A setting read from the environment; a bad one stops the build here, its message alone, before anything is built. */
function setting<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
const parts = buildParts(setting(() => storyPartCount(stories, process.env.HUIGONG_BUILD_PARTS)));
// The one time every part publishes by.
const buildTime = setting(() => parseBuildTime(process.env.HUIGONG_BUILD_TIME).toISOString());

if (parts.length === 1) {
  const nodeOptions = buildNodeOptions(process.env.NODE_OPTIONS, memory);
  // The whole site, in the whole site's cache, whatever part of a build in parts (or its cache, which may
  // hold stories cut to their excerpts) a shell may have left set.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: nodeOptions, HUIGONG_BUILD_PART: 'whole' };
  delete env.HUIGONG_CACHE_DIR;
  const build = spawn(process.execPath, [astro, 'build', ...args], { stdio: 'inherit', env });
  // Ctrl-C reaches the whole process group; a signal sent to this process alone (a CI job cancelled) is
  // passed on, so astro build stops with it.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => build.kill(signal));
  const status = await new Promise<number>((resolve) => {
    build.on('error', (error) => (console.error(error.message), resolve(1)));
    build.on('exit', (code) => resolve(code ?? 1));
  });
  process.exit(status);
}

const partBytes = partMemoryBytes(stories, parts.length - 1);
const concurrency = partConcurrency(availableParallelism(), memory, partBytes);
const nodeOptions = buildNodeOptions(process.env.NODE_OPTIONS, memory / concurrency);
// A part's cache is named by the code that fills it, so a change to that code starts it afresh.
const contentCode = contentCodeDigest([path.join(root, 'src', 'content.config.ts'), path.join(root, 'astro.config.mjs')]);
const cacheDirs = partCacheDirs(root, contentDir, contentCode, parts.map(buildPartName));
// Inside the project: Astro takes a component outside every folder the root shares for a root-relative
// path (the bench's stories import theirs from bench/components/), and the merge is then renames.
mkdirSync(path.join(root, '.astro'), { recursive: true });
const workspace = mkdtempSync(path.join(root, '.astro', 'build-parts-'));
// Ctrl-C or a CI job cancelled: stop the parts and remove their folder, rather than exit with the parts
// still building into it (a second signal exits at once).
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => interrupt.abort(new Error(`构建被 ${signal} 中断`)));
console.log(`${stories} 篇稿件，分 ${parts.length} 片构建（同时 ${concurrency} 片，每片约 ${Math.round(partBytes / 2 ** 20)} MiB，NODE_OPTIONS=${nodeOptions}），工作目录 ${workspace}`);
try {
  const runs = parts.map((part) => {
    const name = buildPartName(part);
    const dir = createPartWorkspace(root, path.join(workspace, name));
    const env = {
      ...process.env,
      NODE_OPTIONS: nodeOptions,
      HUIGONG_BUILD_PART: name,
      HUIGONG_BUILD_TIME: buildTime,
      HUIGONG_CONTENT_DIR: contentDir,
      // Each part runs in its own folder: a path given relative to the project is made absolute here.
      ...(process.env.HUIGONG_CATALOGUE ? { HUIGONG_CATALOGUE: path.resolve(process.env.HUIGONG_CATALOGUE) } : {}),
      HUIGONG_OUT_DIR: path.join(dir, 'out'),
      // Each part keeps its own content cache: the stories it renders are its own (src/data/story-part-loader.ts).
      HUIGONG_CACHE_DIR: cacheDirs.get(name)!,
    };
    return { name, cwd: dir, env };
  });
  await runParts(astro, args, runs, concurrency, interrupt.signal);
  interrupt.signal.throwIfAborted();
  const [shared, ...storyParts] = runs;
  await mergeParts(shared!.env.HUIGONG_OUT_DIR, storyParts.map((run) => run.env.HUIGONG_OUT_DIR), outDir, writeMergedSitemap);
  console.log(`分片构建完成：${outDir}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
