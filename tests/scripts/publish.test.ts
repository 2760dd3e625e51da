import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanEnv } from '../helpers/run';

// `npm run publish` end to end against a throwaway repository and its bare remote: what it commits, with
// which message, what it pushes, and when it refuses and commits nothing.
const node = path.resolve('node_modules/.bin/node');
const script = path.resolve('scripts/publish.ts');
const root = mkdtempSync(path.join(tmpdir(), 'huigong-publish-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let work = '';
let remote = '';
const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });
const publish = () => {
  const result = spawnSync(node, [script], { cwd: work, encoding: 'utf8', env: cleanEnv(), timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
};
const story = () => path.join(work, 'content/news/shandong-huigong-yingyuan.mdx');
const remoteLog = () => git(remote, 'log', '--format=%s', 'main').stdout.trim().split('\n');

beforeEach(({ task }) => {
  const dir = path.join(root, task.id);
  remote = path.join(dir, 'remote.git');
  work = path.join(dir, 'work');
  mkdirSync(work, { recursive: true });
  git(dir, 'init', '--quiet', '--bare', remote);
  git(work, 'init', '--quiet', '--initial-branch=main');
  git(work, 'config', 'user.name', '编辑');
  git(work, 'config', 'user.email', 'editor@example.org');
  cpSync('content', path.join(work, 'content'), { recursive: true });
  mkdirSync(path.join(work, 'public'));
  writeFileSync(path.join(work, 'README.md'), '惠工\n');
  git(work, 'add', '-A');
  git(work, 'commit', '--quiet', '-m', 'start');
  git(work, 'remote', 'add', 'origin', remote);
  git(work, 'push', '--quiet', '-u', 'origin', 'main');
});

describe('npm run publish', () => {
  it('checks, commits the changed story with a message naming it, and pushes', () => {
    writeFileSync(story(), readFileSync(story(), 'utf8').replace('惠工影院人气旺', '惠工影院人气更旺'));
    const { status, output } = publish();
    expect(status, output).toBe(0);
    expect(remoteLog()).toEqual(['发布：修改稿件《惠工影院人气更旺》', 'start']);
    expect(git(work, 'status', '--porcelain').stdout).toBe('');
  });

  it('refuses when a file outside content/ has changed, committing nothing', () => {
    writeFileSync(story(), readFileSync(story(), 'utf8').replace('惠工影院人气旺', '惠工影院人气更旺'));
    writeFileSync(path.join(work, 'README.md'), '惠工（改了）\n');
    const { status, output } = publish();
    expect(status).toBe(1);
    expect(output).toContain('内容以外的改动');
    expect(output).toContain('README.md');
    expect(git(work, 'log', '--format=%s').stdout.trim()).toBe('start');
  });

  it('refuses when the content check fails, committing nothing', () => {
    writeFileSync(story(), readFileSync(story(), 'utf8').replace(/^column: .*$/m, 'column: 不存在的栏目'));
    const { status, output } = publish();
    expect(status).toBe(1);
    expect(output).toContain('不存在的栏目');
    expect(output).toContain('内容检查没有通过');
    expect(git(work, 'log', '--format=%s').stdout.trim()).toBe('start');
  });

  it('says there is nothing to publish when content/ is unchanged', () => {
    const { status, output } = publish();
    expect(status).toBe(0);
    expect(output).toContain('没有需要发布的改动');
    expect(remoteLog()).toEqual(['start']);
  });
});
