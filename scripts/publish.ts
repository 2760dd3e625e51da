/**
 * npm run publish: publishes what the editor (or a text editor) changed in content/. Runs the content check,
 * commits the changed content files (and images uploaded into public/images/) with a Chinese message naming
 * each entry, and pushes. Refuses, committing nothing, when the check fails or when files outside content/
 * have changed (src/content-check/publish-plan.ts decides). Run it in the repository's folder.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../src/content-check/frontmatter.ts';
import { planPublish, readPorcelain } from '../src/content-check/publish-plan.ts';

const git = (args: string[], options: SpawnSyncOptions = {}) => spawnSync('git', args, { encoding: 'utf8', ...options });

function stop(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const top = git(['rev-parse', '--show-toplevel']);
if (top.status !== 0) stop('没有发布：这里不是 git 仓库。请在网站项目的文件夹里运行 npm run publish。');
const repo = String(top.stdout).trim();

/** An entry's title as the site shows it, read from its file; undefined for a deleted file. */
function titleOf(file: string): string | undefined {
  const full = path.join(repo, file);
  if (!existsSync(full) || !/\.(mdx?|ya?ml)$/.test(file)) return undefined;
  try {
    const text = readFileSync(full, 'utf8');
    const data = parse(/\.mdx?$/.test(file) ? (splitFrontmatter(text)?.yaml ?? '') : text) as Record<string, any> | null;
    return data?.title ?? data?.name ?? data?.film?.title ?? undefined;
  } catch {
    return undefined;
  }
}

const status = git(['status', '--porcelain=v1', '-z', '--untracked-files=all'], { cwd: repo });
const plan = planPublish(readPorcelain(String(status.stdout)), titleOf);
if (!plan.ok) stop(plan.message, plan.reason === 'nothing' ? 0 : 1);

console.log('检查内容（npm run check）……');
const check = spawnSync(process.execPath, [path.join(import.meta.dirname, 'check-content.ts'), path.join(repo, 'content')], {
  stdio: 'inherit',
  env: { ...process.env, HUIGONG_PUBLIC_DIR: path.join(repo, 'public') },
});
if (check.status !== 0) stop('没有发布：内容检查没有通过（问题列在上面，每行写着文件、行号和改法）。改好后再运行 npm run publish。');

const added = git(['add', '-A', '--', ...plan.paths], { cwd: repo });
if (added.status !== 0) stop(`没有发布：git add 失败：${added.stderr}`);
const committed = git(['commit', '--quiet', '--file', '-'], { cwd: repo, input: plan.message });
if (committed.status !== 0) stop(`没有发布：提交失败：${committed.stderr || committed.stdout}`);
console.log(`已提交：${plan.message.split('\n')[0]}`);

if (!String(git(['remote'], { cwd: repo }).stdout).trim()) {
  stop('这个仓库没有设置远程仓库（git remote），改动只提交在本机，没有推送。', 0);
}
const pushed = git(['push', '--quiet'], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
if (pushed.status !== 0) {
  stop('已在本机提交，但推送失败（网络或权限问题）。网络恢复后运行 git push，或再运行一次 npm run publish。');
}
console.log('已推送。网站会在下一次构建后更新。');
