/**
 * npm run publish:due -- --env production | --url https://site [--github-output FILE]
 *
 * The scheduled build's first step: is anything due since the deployed build? Reads the deployed
 * site's /build.json, builds the cinema catalogue afresh and reads every story's publishAt, then prints
 * the decision (scripts/publishing/due.ts) and writes `due=true|false` for the workflow's next steps.
 * Fails (exit 1) when the fresh catalogue drops a released screening the live site has, as the deploy
 * would refuse it (scripts/deploy/released-screenings-guard.ts): the scheduled run shows red at once.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { splitFrontmatter } from '../src/content-check/frontmatter.ts';
import { parseWranglerToml, resolveEnvironment } from './doctor/wrangler-config.ts';
import { releasedScreeningsGuard } from './deploy/released-screenings-guard.ts';
import { buildManifest, buildManifestSchema, catalogueHash } from './publishing/build-manifest.ts';
import { whatIsDue, type ScheduledStory } from './publishing/due.ts';
import { fetchLiveBuild } from './publishing/live-build.ts';

const { values } = parseArgs({
  options: { url: { type: 'string' }, env: { type: 'string' }, 'github-output': { type: 'string', default: process.env.GITHUB_OUTPUT } },
});
const envUrl = values.env ? resolveEnvironment(parseWranglerToml(readFileSync('wrangler.toml', 'utf8')), values.env).vars.SITE_URL : undefined;
const site = values.url ?? (typeof envUrl === 'string' ? envUrl : undefined);
if (!site) {
  console.error('用法：node scripts/publish-due.ts --env production（或 --url https://站点地址）');
  process.exit(2);
}

function scheduledStories(dir: string): ScheduledStory[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .flatMap((file) => {
      const parts = splitFrontmatter(readFileSync(path.join(dir, file), 'utf8'));
      const data = (parts ? parse(parts.yaml) : {}) as { publishAt?: unknown; draft?: unknown };
      const publishAt = data.publishAt ? new Date(String(data.publishAt)) : undefined;
      return publishAt && !Number.isNaN(publishAt.getTime()) ? [{ id: file, publishAt, draft: data.draft === true }] : [];
    });
}

const build = spawnSync(process.execPath, ['scripts/build-catalogue.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const catalogueJson = readFileSync('functions/generated/catalogue.json', 'utf8');
const live = await fetchLiveBuild(site);
if (live.status === 'unreadable') console.warn(`读不到 ${site}/build.json：${live.reason}`);
const now = new Date();
const guard = releasedScreeningsGuard({ live, next: buildManifest({ builtAt: now, commit: '', catalogueJson }), now });
if (!guard.ok && live.status === 'found') {
  console.error(guard.message);
  process.exit(1);
}
const deployed = live.status === 'found' ? buildManifestSchema.safeParse(live.json) : undefined;
const decision = whatIsDue({
  deployed: deployed?.success ? deployed.data : undefined,
  freshCatalogueHash: catalogueHash(catalogueJson),
  stories: scheduledStories('content/news'),
  now,
});
console.log(decision.due ? `需要构建：\n${decision.reasons.map((r) => `  ${r}`).join('\n')}` : '没有到期的内容，跳过这次构建');
if (values['github-output']) appendFileSync(values['github-output'], `due=${decision.due}\n`);
