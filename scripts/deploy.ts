/**
 * npm run deploy:staging | npm run deploy:production   (node scripts/deploy.ts <env> [--skip-doctor])
 *
 * One deploy, in the order scripts/deploy/deploy-plan.ts gives: (staging only) the smoke member into
 * staging's roster; the pre-flight check of that environment against the account (`npm run doctor --
 * --env X --remote`), stopping on any problem; the build with the environment's SITE_URL from
 * wrangler.toml (staging's catalogue also gets the smoke test's screening); dist/build.json for the
 * scheduled build; the live site's /build.json compared with it, stopping if a released screening that
 * has not ended would vanish (its tickets orphaned); `wrangler deploy --env X`; the built pages into
 * that environment's search (`npm run search:reindex -- --env X`). Needs wrangler logged in
 * (or CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID), and for staging MEMBER_HASH_KEY set to staging's
 * secret. docs/operations.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deployPlan } from './deploy/deploy-plan.ts';
import { releasedScreeningsGuard } from './deploy/released-screenings-guard.ts';
import { parseWranglerToml, resolveEnvironment } from './doctor/wrangler-config.ts';
import { buildManifest, type BuildManifest } from './publishing/build-manifest.ts';
import { fetchLiveBuild } from './publishing/live-build.ts';
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
if (env === 'staging' && !process.env.MEMBER_HASH_KEY) {
  console.error('部署测试环境需要环境变量 MEMBER_HASH_KEY（与测试环境的同名 secret 一致），用来导入冒烟测试会员');
  process.exit(2);
}

const dir = mkdtempSync(path.join(tmpdir(), 'huigong-deploy-'));
const smokeRosterFile = path.join(dir, 'smoke-member.csv');
writeFileSync(smokeRosterFile, smokeRosterCsv());
const commit = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() || 'unknown';
let builtAt = new Date();
let manifest: BuildManifest | undefined;

const stop = (title: string, status: number): never => {
  rmSync(dir, { recursive: true, force: true });
  console.error(`部署停在「${title}」`);
  process.exit(status);
};

for (const step of deployPlan({ env, siteUrl, smokeRosterFile, skipDoctor: values['skip-doctor'] })) {
  console.log(`\n== ${step.title}`);
  if (step.command === 'write-build-manifest') {
    manifest = buildManifest({ builtAt, commit, catalogueJson: readFileSync('functions/generated/catalogue.json', 'utf8') });
    writeFileSync('dist/build.json', `${JSON.stringify(manifest)}\n`);
    continue;
  }
  if (step.command === 'check-released-screenings') {
    const verdict = releasedScreeningsGuard({ live: await fetchLiveBuild(siteUrl), next: manifest!, now: new Date() });
    console.log(verdict.message);
    if (!verdict.ok) stop(step.title, 1);
    continue;
  }
  // The build's clock decides which scheduled stories it shows: the build is given the time the
  // manifest records (HUIGONG_BUILD_TIME), so publish:due compares against exactly what was published.
  if (step.startsBuild) builtAt = new Date();
  const command = step.command === 'node' ? process.execPath : step.command;
  const buildTime = step.startsBuild ? { HUIGONG_BUILD_TIME: builtAt.toISOString() } : {};
  const result = spawnSync(command, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env, ...buildTime } });
  if (result.status !== 0) stop(step.title, result.status ?? 1);
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n已部署到 ${env}：${siteUrl}（构建于 ${builtAt.toISOString()}，提交 ${commit.slice(0, 12)}）。下一步：npm run smoke -- --env ${env}`);
