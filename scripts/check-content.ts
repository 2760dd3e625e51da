/**
 * npm run check [-- FOLDER]: checks every content file as the build reads it and lists every problem at
 * once, one per line as `文件:行号: 问题（怎么改）`. Exits 1 on any problem. FOLDER defaults to
 * HUIGONG_CONTENT_DIR or content/; images are looked up in public/ (or HUIGONG_PUBLIC_DIR). In a git work
 * tree, screening files as committed in HEAD are compared too (a released screening's id must not vanish).
 * The checks themselves are src/content-check/ (pure); this reads the folder and prints.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { registerTsExtensions } from './ts-extensions.ts';

registerTsExtensions();
const { checkContent } = await import('../src/content-check/check-content.ts');
const { formatProblem } = await import('../src/content-check/problem.ts');

const TEXT = /\.(mdx?|ya?ml)$/;

/** Every file under `dir`, relative with /, the text of those the check reads. */
function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, name);
    if (!statSync(file).isFile()) continue;
    files.set(name.split(path.sep).join('/'), TEXT.test(name) ? readFileSync(file, 'utf8') : '');
  }
  return files;
}

/**
 * The screening files as committed (HEAD), relative to `dir` → text, when `dir` is in a git work tree with
 * a commit; undefined without git, so the check still runs from a plain copy of the folder.
 */
function committedScreenings(dir: string): Map<string, string> | undefined {
  const git = (...args: string[]) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  const listed = git('ls-tree', '-r', '--name-only', 'HEAD', '--', 'screenings');
  if (listed.error || listed.status !== 0) return undefined;
  const files = new Map<string, string>();
  for (const rel of listed.stdout.split('\n').filter((line) => /\.ya?ml$/.test(line))) {
    const shown = git('show', `HEAD:./${rel}`);
    if (shown.status === 0) files.set(rel, shown.stdout);
  }
  return files;
}

const dir = path.resolve(process.argv[2] ?? process.env.HUIGONG_CONTENT_DIR ?? 'content');
const publicDir = path.resolve(process.env.HUIGONG_PUBLIC_DIR ?? 'public');
let files: Map<string, string>;
try {
  files = readTree(dir);
} catch {
  console.error(`找不到内容文件夹 ${dir}`);
  process.exit(2);
}
const publicFiles = new Set([...readTree(publicDir).keys()].map((file) => `/${file}`));
const root = path.relative(process.cwd(), dir).split(path.sep).join('/') || '.';

const committed = committedScreenings(dir);
const { problems, checkedFiles } = checkContent({ root, files, publicFiles, ...(committed ? { committed } : {}) }, new Date());
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n内容检查发现 ${problems.length} 个问题（共 ${checkedFiles} 个文件）。每行的格式是“文件:行号: 问题（怎么改）”，说明见 docs/编辑指南.md。`);
  process.exit(1);
}
console.log(`内容检查通过：${checkedFiles} 个文件`);
