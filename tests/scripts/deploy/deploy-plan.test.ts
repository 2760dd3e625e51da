import { describe, expect, it } from 'vitest';
import { deployPlan } from '../../../scripts/deploy/deploy-plan';

const titles = (plan: ReturnType<typeof deployPlan>) => plan.map((step) => step.title);

describe('deployPlan', () => {
  it('imports the smoke member into staging before the pre-flight check, and builds the smoke screening', () => {
    const plan = deployPlan({ env: 'staging', siteUrl: 'https://staging.union.cn', smokeRosterFile: '/tmp/smoke.csv' });
    expect(titles(plan)).toEqual(['导入冒烟测试会员', '部署前检查', '生成影院排片', '构建网站', '写入 dist/build.json', '核对已放票的场次', 'wrangler deploy --env staging', '更新搜索索引']);
    expect(plan[0]).toMatchObject({ args: ['scripts/members-import.ts', '/tmp/smoke.csv', '--remote', '--env', 'staging'] });
    expect(plan[1]).toMatchObject({ args: ['scripts/doctor.ts', '--env', 'staging', '--remote'] });
    expect(plan[2]).toMatchObject({ args: ['scripts/build-catalogue.ts', '--smoke'] });
  });

  it('builds production with its own address, no smoke member and no smoke screening, deploys, then reindexes its search', () => {
    const plan = deployPlan({ env: 'production', siteUrl: 'https://www.union.cn' });
    expect(titles(plan)).toEqual(['部署前检查', '生成影院排片', '构建网站', '写入 dist/build.json', '核对已放票的场次', 'wrangler deploy --env production', '更新搜索索引']);
    expect(plan[1]).toMatchObject({ args: ['scripts/build-catalogue.ts'] });
    expect(plan[2]).toMatchObject({ command: 'npm', args: ['run', 'build:site'], env: { SITE_URL: 'https://www.union.cn' } });
    expect(plan.at(-2)).toMatchObject({ command: 'npx', args: ['wrangler', 'deploy', '--env', 'production'] });
    expect(plan.at(-1)).toMatchObject({ command: 'node', args: ['scripts/search-reindex.ts', '--site', 'dist', '--env', 'production'] });
  });

  it('leaves out the pre-flight check only when asked', () => {
    expect(titles(deployPlan({ env: 'production', siteUrl: 'https://www.union.cn', skipDoctor: true }))).not.toContain('部署前检查');
  });
});
