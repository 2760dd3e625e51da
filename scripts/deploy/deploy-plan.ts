/**
 * One step of a deploy: a command to run, or one done in the deploy script itself: writing dist/build.json,
 * and comparing it with the live site's (scripts/deploy/released-screenings-guard.ts).
 */
export type DeployStep =
  | {
      title: string;
      command: 'node' | 'npm' | 'npx';
      args: string[];
      env?: Record<string, string>;
      /** The site build: its start is the build time the manifest records (pages render after it). */
      startsBuild?: true;
    }
  | { title: string; command: 'write-build-manifest' }
  | { title: string; command: 'check-released-screenings' };

/**
 * The steps of `npm run deploy:<env>`, in order. Staging first gets the smoke member into its roster
 * (so the pre-flight's roster check passes on a first deploy too) and the smoke test's screening in its
 * catalogue; production gets neither. Every deploy refuses to drop a screening the live site has released,
 * and ends by putting the pages it built into the environment's search (`npm run search:reindex`).
 */
export function deployPlan({ env, siteUrl, smokeRosterFile, skipDoctor = false }: { env: string; siteUrl: string; smokeRosterFile?: string; skipDoctor?: boolean }): DeployStep[] {
  const staging = env === 'staging';
  if (staging && !smokeRosterFile) throw new Error('staging needs the smoke member roster file');
  return [
    ...(staging ? [{ title: '导入冒烟测试会员', command: 'node' as const, args: ['scripts/members-import.ts', smokeRosterFile!, '--remote', '--env', env] }] : []),
    ...(skipDoctor ? [] : [{ title: '部署前检查', command: 'node' as const, args: ['scripts/doctor.ts', '--env', env, '--remote'] }]),
    { title: '生成影院排片', command: 'node', args: ['scripts/build-catalogue.ts', ...(staging ? ['--smoke'] : [])] },
    { title: '构建网站', command: 'npm', args: ['run', 'build:site'], env: { SITE_URL: siteUrl }, startsBuild: true },
    { title: '写入 dist/build.json', command: 'write-build-manifest' },
    // Last before shipping, so a screening released during the build counts.
    { title: '核对已放票的场次', command: 'check-released-screenings' },
    { title: `wrangler deploy --env ${env}`, command: 'npx', args: ['wrangler', 'deploy', '--env', env] },
    // After the deploy, so a deploy stopped before it leaves the live search matching the live pages.
    { title: '更新搜索索引', command: 'node', args: ['scripts/search-reindex.ts', '--site', 'dist', '--env', env] },
  ];
}
