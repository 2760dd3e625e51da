/**
 * npm run deploy:staging | npm run deploy:production   (node scripts/deploy.ts <env> [--skip-doctor])
 *
 * One deploy, in order: (staging only) the smoke member into staging's roster; the pre-flight check of
 * that environment against the account (`npm run doctor -- --env X --remote`), stopping on any problem;
 * the build with the environment's SITE_URL from wrangler.toml (staging's catalogue also gets the smoke
 * test's screening); dist/build.json for the scheduled build; `wrangler deploy --env X`. Needs wrangler
 * logged in (or CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID), and for staging MEMBER_HASH_KEY set to
 * staging's secret. docs/operations.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseWranglerToml, resolveEnvironment } from './doctor/wrangler-config.ts';
import { buildManifest } from './publishing/build-manifest.ts';
import { smokeRosterCsv } from './smoke/test-member.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'skip-doctor': { type: 'boolean', default: false } } });
const env = positionals[0];
const config = parseWranglerToml(readFileSync('wrangler.toml', 'utf8'));
if (!env || !config.env[env]) {
  console.error(`用法：node scripts/deploy.ts <环境>（wrangler.toml 里有：${Object.keys(config.env).join('、')}）`);
  process.exit(2);
}
const siteUrl = resolveEnvironment(config, env).vars.SITE_URL;
if (typeof siteUrl !== 'string') {
  console.error(`wrangler.toml 的 [env.${env}.vars] 没有 SITE_URL`);
  process.exit(1);
}

function run(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n== ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`部署停在「${title}」`);
    process.exit(result.status ?? 1);
  }
}

const node = process.execPath;
if (env === 'staging') {
  if (!process.env.MEMBER_HASH_KEY) {
    console.error('部署测试环境需要环境变量 MEMBER_HASH_KEY（与测试环境的同名 secret 一致），用来导入冒烟测试会员');
    process.exit(2);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'huigong-smoke-member-'));
  writeFileSync(path.join(dir, 'smoke-member.csv'), smokeRosterCsv());
  run('导入冒烟测试会员', node, ['scripts/members-import.ts', path.join(dir, 'smoke-member.csv'), '--remote', '--env', env]);
  rmSync(dir, { recursive: true, force: true });
}
if (!values['skip-doctor']) run('部署前检查', node, ['scripts/doctor.ts', '--env', env, '--remote']);
run('生成影院排片', node, ['scripts/build-catalogue.ts', ...(env === 'staging' ? ['--smoke'] : [])]);
run('构建网站', 'npm', ['run', 'build:site'], { SITE_URL: siteUrl });
const commit = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
const manifest = buildManifest({ builtAt: new Date(), commit, catalogueJson: readFileSync('functions/generated/catalogue.json', 'utf8') });
writeFileSync('dist/build.json', `${JSON.stringify(manifest)}\n`);
run(`wrangler deploy --env ${env}`, 'npx', ['wrangler', 'deploy', '--env', env]);
console.log(`\n已部署到 ${env}：${siteUrl}（构建于 ${manifest.builtAt}，提交 ${commit.slice(0, 12)}）。下一步：npm run smoke -- ${siteUrl}`);
