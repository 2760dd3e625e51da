import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compatibilityDateFindings, configFindings, migrationFindings } from '../../../scripts/doctor/config-findings';
import { parseWranglerToml, resolveEnvironment } from '../../../scripts/doctor/wrangler-config';
import { fixtureConfig, problems } from './fixture';

const dates = { workerdDate: '2026-11-02', today: '2026-12-01' };

describe('configFindings', () => {
  it('finds nothing to fix in a config ready to deploy, and says what it checked', () => {
    const findings = configFindings(fixtureConfig('ready'), { envs: ['staging', 'production'], ...dates });
    expect(problems(findings)).toEqual([]);
    expect(findings.map((f) => f.message)).toContain('SITE_URL 是 https://www.union.cn');
  });

  it('names placeholder KV and D1 ids and an unset or example SITE_URL, each with its fixing command', () => {
    const findings = configFindings(fixtureConfig('placeholders'), { envs: ['staging', 'production'], ...dates });
    expect(problems(findings)).toEqual([
      '[staging] KV SEATS 的 id “staging-seats-placeholder” 还是占位符',
      '[staging] D1 SEARCH 的 database_id “staging-search-placeholder” 还是占位符',
      '[staging] SITE_URL “https://staging.huigong.example.org” 还是示例域名',
      '[production] KV SEATS 的 id “” 还是占位符',
      '[production] D1 SEARCH 的 database_id “” 还是占位符',
      '[production] 没有设置 SITE_URL（网站的公开地址）',
    ]);
    expect(findings.find((f) => f.message.includes('staging-seats-placeholder'))!.fix).toContain('npx wrangler kv namespace create SEATS --env staging');
    expect(findings.find((f) => f.message.includes('staging-search-placeholder'))!.fix).toContain('npx wrangler d1 create huigong-search-staging');
    expect(findings.find((f) => f.message.includes('D1 SEARCH') && f.env === 'production')!.fix).toContain('npx wrangler d1 create huigong-search-production');
    expect(findings.find((f) => f.message.includes('没有设置 SITE_URL'))!.fix).toContain('[env.production.vars]');
  });

  it('names every top-level binding and var an environment does not repeat', () => {
    expect(problems(configFindings(fixtureConfig('bindings-not-repeated'), { envs: ['staging'], ...dates }))).toEqual([
      '[staging] 缺少 KV 绑定 SEATS（环境不继承顶层的绑定）',
      '[staging] 缺少 Durable Object 绑定 SCREENINGS（环境不继承顶层的绑定）',
      '[staging] 缺少 限流 绑定 CLAIM_LIMIT_MEMBER（环境不继承顶层的绑定）',
      '[staging] 缺少 analytics_engine_datasets 绑定 CLAIM_OUTCOMES（环境不继承顶层的绑定）',
      '[staging] 缺少变量 LOG_LEVEL（环境不继承顶层的 vars）',
      '[staging] 迁移创建的类 ScreeningObject 没有任何绑定：它的数据会无法访问',
    ]);
  });

  it('finds environments sharing a rate-limit namespace, and a date newer than workerd', () => {
    expect(problems(configFindings(fixtureConfig('shared-rate-limits'), { envs: ['staging', 'production'], ...dates }))).toEqual([
      '[top] compatibility_date 2027-03-01 晚于本机 workerd 支持的 2026-11-02，wrangler dev 与测试无法启动',
      '[staging] 没有设置 SITE_URL（网站的公开地址）',
      '[staging] compatibility_date 2027-03-01 晚于本机 workerd 支持的 2026-11-02，wrangler dev 与测试无法启动',
      '[production] 没有设置 SITE_URL（网站的公开地址）',
      '[production] compatibility_date 2027-03-01 晚于本机 workerd 支持的 2026-11-02，wrangler dev 与测试无法启动',
      '[production] 限流 CLAIM_LIMIT_MEMBER 的 namespace_id 2001 与 staging 的 CLAIM_LIMIT_MEMBER 共用，计数会混在一起',
    ]);
  });

  it("finds the project's own environments lacking only their KV and D1 ids and addresses", () => {
    // So a binding added at the top level without repeating it in staging and production fails here.
    const config = parseWranglerToml(readFileSync('wrangler.toml', 'utf8'));
    const found = problems(configFindings(config, { envs: ['staging', 'production'], ...dates }));
    expect(found).toHaveLength(6);
    expect(found.every((p) => /占位符|示例域名/.test(p))).toBe(true);
  });
});

describe('migrationFindings', () => {
  it('finds tags out of order, a bound class never created, a class deleted that never was, and a class left unbound', () => {
    expect(problems(migrationFindings(resolveEnvironment(fixtureConfig('migrations-broken'))))).toEqual([
      '[top] 迁移标签 v2 排在 v3 之后，顺序乱了（已部署的标签不能改，新迁移只能加在末尾）',
      '[top] 迁移 v2 删除不存在的类 Queue',
      '[top] Durable Object 类 MemberStanding 已绑定，但没有迁移创建它',
      '[top] 迁移创建的类 SignInThrottle 没有任何绑定：它的数据会无法访问',
    ]);
  });

  it('follows renames and deliberate deletions', () => {
    const findings = migrationFindings(resolveEnvironment(fixtureConfig('migrations-renamed')));
    expect(problems(findings)).toEqual([]);
    expect(findings[0]!.message).toContain('ScreeningLedger');
  });
});

describe('compatibilityDateFindings', () => {
  const env = (date?: string) => ({ ...resolveEnvironment(fixtureConfig('ready')), compatibilityDate: date });

  it('accepts a date up to the installed workerd and today', () => {
    expect(problems(compatibilityDateFindings(env('2026-11-02'), dates))).toEqual([]);
  });

  it('refuses a missing date, a date in the future, and one that is not a date', () => {
    expect(problems(compatibilityDateFindings(env(undefined), dates))).toEqual(['[top] compatibility_date “” 不是 YYYY-MM-DD 日期']);
    expect(problems(compatibilityDateFindings(env('2026-11-01'), { workerdDate: '2026-11-02', today: '2026-10-30' }))).toEqual([
      '[top] compatibility_date 2026-11-01 在今天（2026-10-30）之后，部署会被拒绝',
    ]);
    expect(problems(compatibilityDateFindings(env('1 Aug 2026'), dates))).toHaveLength(1);
  });
});
