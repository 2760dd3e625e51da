import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, run } from '../helpers/run';
import { removeContentCaches } from '../helpers/content-caches';
import { createPartWorkspace } from '../../scripts/astro-build/part-workspace';

// scripts/astro-build.ts building a small archive in two story parts, as an editor and an operator meet it,
// under the project (its git-ignored tmp/), as the bench's archives are: Astro is surer of content inside the root's folder.
mkdirSync('tmp', { recursive: true });
const work = mkdtempSync(path.resolve('tmp', 'astro-build-'));
const BUILD_TIME = '2100-01-01T00:00:00Z';

/** A copy of the publishing fixture (published, scheduled and draft stories) to edit between builds. */
const copies: string[] = [];
function contentCopy(name: string): string {
  const dir = path.join(work, name);
  copies.push(dir);
  cpSync('tests/fixtures/content-publishing', dir, { recursive: true });
  return dir;
}

function buildInParts(contentDir: string, outDir: string) {
  return run('node', ['scripts/astro-build.ts'], { HUIGONG_CONTENT_DIR: contentDir, HUIGONG_OUT_DIR: outDir, HUIGONG_BUILD_PARTS: '2', HUIGONG_BUILD_TIME: BUILD_TIME });
}

/** The processes whose working folder is under `dir` (Linux: /proc/<pid>/cwd). */
function processesIn(dir: string): number[] {
  if (!path.isAbsolute(dir)) throw new Error(`not a folder to look in: "${dir}"`);
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`).startsWith(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The processes whose environment holds `entry` (Linux: /proc/<pid>/environ), such as a build's output folder. */
function processesWith(entry: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(entry);
      } catch {
        return false;
      }
    })
    .map(Number);
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  // The content caches of the copies made here, named after them.
  copies.forEach(removeContentCaches);
});

describe('building in parts again after editors changed the stories', () => {
  it('reuses each part’s content cache, and shows an edited, a renamed and a deleted story as they now are', () => {
    const content = contentCopy('content-edited');
    const out = path.join(work, 'edited');
    const first = buildInParts(content, out);
    expect(first.status, first.output).toBe(0);
    expect(readFileSync(path.join(out, 'news/published/index.html'), 'utf8')).toContain('<p>这篇稿件应当出现在网站上。</p>');

    const published = path.join(content, 'news/published.mdx');
    writeFileSync(published, readFileSync(published, 'utf8').replace('这篇稿件应当出现在网站上。', '这篇稿件改过了，改动应当出现在网站上。'));
    renameSync(path.join(content, 'news/scheduled.mdx'), path.join(content, 'news/renamed.mdx'));
    const second = buildInParts(content, out);
    expect(second.status, second.output).toBe(0);

    expect(second.output).not.toMatch(/Clearing content store|config changed/);
    expect(readFileSync(path.join(out, 'news/published/index.html'), 'utf8')).toContain('<p>这篇稿件改过了，改动应当出现在网站上。</p>');
    expect(existsSync(path.join(out, 'news/renamed/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'news/scheduled'))).toBe(false);
    const list = readFileSync(path.join(out, 'news/index.html'), 'utf8');
    expect(list).toContain('/news/renamed/');
    expect(list).not.toContain('/news/scheduled/');
    expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).not.toContain('/news/scheduled/');
  }, 300_000);
});

describe('building in parts again after the code changed', () => {
  it('fills again a part’s content cache that older code filled: a story shared out to another part keeps its body', () => {
    // A copy of the project, whose code can change between builds without touching the real one.
    const project = path.join(work, 'project');
    createPartWorkspace(path.resolve('.'), project);
    const content = contentCopy('content-recoded');
    const out = path.join(work, 'recoded');
    const build = () => run('node', [path.join(project, 'scripts/astro-build.ts')], { HUIGONG_CONTENT_DIR: content, HUIGONG_OUT_DIR: out, HUIGONG_BUILD_PARTS: '2', HUIGONG_BUILD_TIME: BUILD_TIME });
    const first = build();
    expect(first.status, first.output).toBe(0);

    // Every story moves to the other story part.
    const sharing = path.join(project, 'src/build/build-part.ts');
    const code = readFileSync(sharing, 'utf8');
    expect(code).toContain('return ((hash ^ (hash >>> 16)) >>> 0) % count;');
    writeFileSync(sharing, code.replace('return ((hash ^ (hash >>> 16)) >>> 0) % count;', 'return (((hash ^ (hash >>> 16)) >>> 0) + 1) % count;'));
    const second = build();
    expect(second.status, second.output).toBe(0);
    // The prose itself, not the meta description (which a part takes from what it keeps of every story).
    expect(readFileSync(path.join(out, 'news/published/index.html'), 'utf8')).toContain('<p>这篇稿件应当出现在网站上。</p>');
    expect(readFileSync(path.join(out, 'news/scheduled/index.html'), 'utf8')).toContain('<p>这篇稿件定在将来发布，现在的构建里不应出现。</p>');
  }, 300_000);
});

describe('building in parts with folders given relative to the project', () => {
  it('reads a cinema catalogue given by a relative path, as a whole build does', () => {
    const catalogue = path.join(work, 'catalogue.json');
    cpSync('functions/generated/catalogue.json', catalogue);
    const out = path.join(work, 'relative');
    const { status, output } = run('node', ['scripts/astro-build.ts'], {
      HUIGONG_CONTENT_DIR: path.relative(process.cwd(), contentCopy('content-relative')),
      HUIGONG_CATALOGUE: path.relative(process.cwd(), catalogue),
      HUIGONG_OUT_DIR: path.relative(process.cwd(), out),
      HUIGONG_BUILD_PARTS: '2',
      HUIGONG_BUILD_TIME: BUILD_TIME,
    });
    expect(status, output).toBe(0);
    expect(existsSync(path.join(out, 'cinema/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'news/published/index.html'))).toBe(true);
  }, 300_000);
});

describe('building whole', () => {
  it('makes the whole site, sitemap included, whatever part of a build in parts a shell left set', () => {
    const out = path.join(work, 'whole');
    const content = contentCopy('content-whole');
    const { status, output } = run('node', ['scripts/astro-build.ts'], { HUIGONG_CONTENT_DIR: content, HUIGONG_OUT_DIR: out, HUIGONG_BUILD_PARTS: '1', HUIGONG_BUILD_PART: 'stories-1-of-2', HUIGONG_BUILD_TIME: BUILD_TIME });
    rmSync(path.join('node_modules', `.astro-${path.basename(content)}`), { recursive: true, force: true });
    expect(status, output).toBe(0);
    for (const file of ['news/index.html', 'news/published/index.html', 'news/scheduled/index.html', 'sitemap-index.xml']) expect(existsSync(path.join(out, file)), file).toBe(true);
  }, 300_000);

  it('renders every story whole after a part was built by hand from the same content (a part stores stories cut to their excerpts), whatever part’s cache a shell left set; the part by hand writes beside the site', () => {
    const content = contentCopy('content-by-hand');
    // No output folder given: a part run by hand writes beside the site, never over it.
    const byHand = run('astro', ['build'], { HUIGONG_CONTENT_DIR: content, HUIGONG_BUILD_PART: 'shared', HUIGONG_BUILD_TIME: BUILD_TIME });
    const byHandOut = path.join('dist-parts', 'shared');
    const byHandMade = existsSync(path.join(byHandOut, 'news', 'index.html'));
    rmSync(byHandOut, { recursive: true, force: true });
    if (existsSync('dist-parts') && readdirSync('dist-parts').length === 0) rmSync('dist-parts', { recursive: true });
    const wholeBuild = (out: string, env: Record<string, string> = {}) =>
      run('node', ['scripts/astro-build.ts'], { HUIGONG_CONTENT_DIR: content, HUIGONG_OUT_DIR: out, HUIGONG_BUILD_PARTS: '1', HUIGONG_BUILD_TIME: BUILD_TIME, ...env });
    const caches = () => readdirSync('node_modules').filter((name) => name.startsWith(`.astro-${path.basename(content)}`));
    const sharedCache = caches().find((name) => name.endsWith('-shared'));
    const builds = [wholeBuild(path.join(work, 'by-hand')), wholeBuild(path.join(work, 'by-hand-cache-left'), { HUIGONG_CACHE_DIR: path.resolve('node_modules', sharedCache ?? 'none') })];
    for (const cache of caches()) rmSync(path.join('node_modules', cache), { recursive: true, force: true });
    expect(byHand.status, byHand.output).toBe(0);
    expect(byHandMade).toBe(true);
    expect(sharedCache).toBeDefined();
    for (const [out, { status, output }] of [['by-hand', builds[0]!], ['by-hand-cache-left', builds[1]!]] as const) {
      expect(status, output).toBe(0);
      const prose = /<div class="prose[^>]*>([\s\S]*?)<\/div>/.exec(readFileSync(path.join(work, out, 'news/published/index.html'), 'utf8'))?.[1];
      expect(prose, out).toContain('这篇稿件应当出现在网站上。');
    }
  }, 300_000);
});

/** Starts a build of `content` in `parts` story parts (1: whole) and resolves once Astro is building, with its workspace. */
async function startBuild(content: string, out: string, parts = '2') {
  const env = cleanEnv({ HUIGONG_CONTENT_DIR: content, HUIGONG_OUT_DIR: out, HUIGONG_BUILD_PARTS: parts, HUIGONG_BUILD_TIME: BUILD_TIME });
  const orchestrator = spawn(process.execPath, ['scripts/astro-build.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => orchestrator.on('exit', () => resolve()));
  const output: string[] = [];
  let workspace = '';
  await new Promise<void>((resolve, reject) => {
    void exited.then(() => reject(new Error(`the build ended before its parts began:\n${output.join('\n')}`)));
    createInterface({ input: orchestrator.stderr }).on('line', (line) => output.push(line));
    createInterface({ input: orchestrator.stdout }).on('line', (line) => {
      output.push(line);
      workspace ||= /工作目录 (.+)$/.exec(line)?.[1] ?? '';
      // Once a part (its lines begin [name]) or the whole build's Astro has said something, Astro is building.
      if (/^\[|\[(content|build)\]/.test(line)) resolve();
    });
  });
  /** Sends the orchestrator alone `signal`; resolves once it has exited, with the processes it left building (killed). */
  const stop = async (signal: NodeJS.Signals) => {
    if (orchestrator.exitCode === null && orchestrator.signalCode === null) orchestrator.kill(signal);
    await exited;
    // A whole build's Astro runs in the project itself: it is known by its output folder.
    const leftBehind = parts === '1' ? processesWith(`HUIGONG_OUT_DIR=${out}`) : processesIn(workspace);
    for (const pid of leftBehind) process.kill(pid, 'SIGKILL');
    return leftBehind;
  };
  return { workspace, stop };
}

describe('a build in parts interrupted', () => {
  it('stops its parts and removes their folder when the orchestrator alone is sent SIGTERM, the output folder untouched', async () => {
    const out = path.join(work, 'interrupted');
    const build = await startBuild(contentCopy('content-interrupted'), out);
    const leftBehind = await build.stop('SIGTERM');
    expect(build.workspace).toContain(path.join('.astro', 'build-parts-'));
    expect(leftBehind).toEqual([]);
    expect(existsSync(build.workspace)).toBe(false);
    expect(existsSync(out)).toBe(false);
  }, 300_000);
});

describe('a whole build interrupted', () => {
  it('stops astro build when the orchestrator alone is sent SIGTERM', async () => {
    const out = path.join(work, 'interrupted-whole');
    const content = contentCopy('content-interrupted-whole');
    const build = await startBuild(content, out, '1');
    const leftBehind = await build.stop('SIGTERM');
    rmSync(path.join('node_modules', `.astro-${path.basename(content)}`), { recursive: true, force: true });
    expect(leftBehind).toEqual([]);
  }, 300_000);
});
