import { envFlag, envSection, type Finding } from './finding.ts';
import { OTHER_BINDING_KINDS, resolveEnvironment, type Migration, type ResolvedEnvironment, type WranglerConfig } from './wrangler-config.ts';

/** KV namespace ids that Cloudflare issues are 32 hex digits; anything else is a placeholder. */
const KV_ID = /^[0-9a-f]{32}$/;
/** D1 database ids are UUIDs. */
const D1_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The bindings a deployed environment must repeat (wrangler does not inherit them from the top level),
 * and KV namespace and D1 database ids that are still placeholders.
 */
export function bindingFindings(env: ResolvedEnvironment, topLevel: ResolvedEnvironment): Finding[] {
  const at = envSection(env.env);
  const findings: Finding[] = [];
  const missing = (kind: string, names: string[], present: string[]) =>
    names
      .filter((name) => !present.includes(name))
      .map((name): Finding => ({ ok: false, env: env.env, message: `缺少 ${kind} 绑定 ${name}（环境不继承顶层的绑定）`, fix: `在 wrangler.toml 的 ${at}下重复顶层的 ${name} 绑定` }));
  findings.push(...missing('KV', topLevel.kvNamespaces.map((kv) => kv.binding), env.kvNamespaces.map((kv) => kv.binding)));
  findings.push(...missing('Durable Object', topLevel.durableObjects.map((b) => b.name), env.durableObjects.map((b) => b.name)));
  findings.push(...missing('限流', topLevel.rateLimits.map((r) => r.name), env.rateLimits.map((r) => r.name)));
  for (const kind of OTHER_BINDING_KINDS) findings.push(...missing(kind, topLevel.otherBindings[kind], env.otherBindings[kind]));
  // Top-level vars configure local development; a deployed environment needs each one set for itself.
  findings.push(
    ...Object.keys(topLevel.vars)
      .filter((name) => !(name in env.vars))
      .map((name): Finding => ({ ok: false, env: env.env, message: `缺少变量 ${name}（环境不继承顶层的 vars）`, fix: `在 wrangler.toml 的 [env.${env.env}.vars] 写 ${name}` })),
  );
  /** A resource id Cloudflare issued, or a placeholder with the command that makes the resource. */
  const idFinding = (what: string, id: string | undefined, issued: RegExp, fix: string): Finding =>
    id && issued.test(id) ? { ok: true, env: env.env, message: `${what} 已填写` } : { ok: false, env: env.env, message: `${what} “${id ?? ''}” 还是占位符`, fix };
  for (const kv of env.kvNamespaces) {
    findings.push(idFinding(`KV ${kv.binding} 的 id`, kv.id, KV_ID, `npx wrangler kv namespace create ${kv.binding}${envFlag(env.env)}，再把它打印的 id 填进 wrangler.toml ${at}的 kv_namespaces`));
  }
  for (const d1 of env.d1Databases) {
    findings.push(
      idFinding(`D1 ${d1.binding} 的 database_id`, d1.database_id, D1_ID, `npx wrangler d1 create ${d1.database_name ?? `huigong-search-${env.env}`}，再把它打印的 database_id 填进 wrangler.toml ${at}的 d1_databases`),
    );
  }
  return findings;
}

/** Rate-limit namespace ids are per account: two deployed environments sharing one share their counters. */
export function rateLimitFindings(envs: ResolvedEnvironment[]): Finding[] {
  const owner = new Map<string, string>();
  const findings: Finding[] = [];
  for (const env of envs) {
    for (const limit of env.rateLimits) {
      const key = limit.namespace_id;
      const other = owner.get(key);
      if (!/^\d+$/.test(key)) {
        findings.push({ ok: false, env: env.env, message: `限流 ${limit.name} 的 namespace_id “${key}” 不是正整数`, fix: `在 wrangler.toml ${envSection(env.env)}给它一个本账户内未用过的整数` });
      } else if (other !== undefined) {
        findings.push({ ok: false, env: env.env, message: `限流 ${limit.name} 的 namespace_id ${key} 与 ${other} 共用，计数会混在一起`, fix: `在 wrangler.toml ${envSection(env.env)}换一个本账户内未用过的整数` });
      } else owner.set(key, `${env.env ?? '顶层'} 的 ${limit.name}`);
    }
  }
  return findings;
}

/** The build writes SITE_URL into canonical links, RSS and the sitemap; the example domain is a placeholder. */
export function siteUrlFindings(env: ResolvedEnvironment): Finding[] {
  const value = env.vars.SITE_URL;
  const fix = `在 wrangler.toml 的 [env.${env.env}.vars] 写 SITE_URL = "https://你的域名"`;
  if (typeof value !== 'string' || value === '') return [{ ok: false, env: env.env, message: '没有设置 SITE_URL（网站的公开地址）', fix }];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [{ ok: false, env: env.env, message: `SITE_URL “${value}” 不是网址`, fix }];
  }
  if (url.protocol !== 'https:') return [{ ok: false, env: env.env, message: `SITE_URL “${value}” 不是 https 地址`, fix }];
  if (/(^|\.)example\.(org|com|net)$/.test(url.hostname)) return [{ ok: false, env: env.env, message: `SITE_URL “${value}” 还是示例域名`, fix }];
  return [{ ok: true, env: env.env, message: `SITE_URL 是 ${value}` }];
}

/**
 * The compatibility date must be a date the installed workerd knows (it refuses dates newer than its
 * build, so `wrangler dev` and the tests would not start) and, for a deploy, not in the future.
 */
export function compatibilityDateFindings(env: ResolvedEnvironment, { workerdDate, today }: { workerdDate: string; today: string }): Finding[] {
  const date = env.compatibilityDate;
  const fix = `在 wrangler.toml 把 compatibility_date 设为不晚于 ${workerdDate} 的日期（本机 workerd 的版本日期）`;
  if (!date || !DATE.test(date)) return [{ ok: false, env: env.env, message: `compatibility_date “${date ?? ''}” 不是 YYYY-MM-DD 日期`, fix }];
  if (date > workerdDate) return [{ ok: false, env: env.env, message: `compatibility_date ${date} 晚于本机 workerd 支持的 ${workerdDate}，wrangler dev 与测试无法启动`, fix }];
  if (date > today) return [{ ok: false, env: env.env, message: `compatibility_date ${date} 在今天（${today}）之后，部署会被拒绝`, fix }];
  return [{ ok: true, env: env.env, message: `compatibility_date ${date} 可用（本机 workerd 支持到 ${workerdDate}）` }];
}

/** The classes alive after applying the migrations in order, and the problems found on the way. */
function applyMigrations(migrations: Migration[]): { alive: Set<string>; problems: string[] } {
  const alive = new Set<string>();
  const problems: string[] = [];
  const seenTags = new Set<string>();
  let lastNumber = 0;
  for (const migration of migrations) {
    const { tag } = migration;
    if (seenTags.has(tag)) problems.push(`迁移标签 ${tag} 重复`);
    seenTags.add(tag);
    const number = /^v(\d+)$/.exec(tag)?.[1];
    if (number !== undefined) {
      if (Number(number) <= lastNumber) problems.push(`迁移标签 ${tag} 排在 v${lastNumber} 之后，顺序乱了（已部署的标签不能改，新迁移只能加在末尾）`);
      lastNumber = Math.max(lastNumber, Number(number));
    }
    const create = (name: string) => {
      if (alive.has(name)) problems.push(`迁移 ${tag} 再次创建已存在的类 ${name}`);
      alive.add(name);
    };
    const remove = (name: string, verb: string) => {
      if (!alive.has(name)) problems.push(`迁移 ${tag} ${verb}不存在的类 ${name}`);
      alive.delete(name);
    };
    for (const name of [...migration.new_classes, ...migration.new_sqlite_classes]) create(name);
    for (const { from, to } of migration.renamed_classes) {
      remove(from, '重命名');
      create(to);
    }
    for (const { to } of migration.transferred_classes) create(to);
    for (const name of migration.deleted_classes) remove(name, '删除');
  }
  return { alive, problems };
}

/**
 * Durable Object migrations in order: every class bound here has a migration that creates it, tags are
 * unique and ascending, and no class that holds data is left without a binding (its objects would be
 * unreachable) unless a migration deletes it.
 */
export function migrationFindings(env: ResolvedEnvironment): Finding[] {
  const fix = '在 wrangler.toml 末尾加一个新的 [[migrations]]（新标签，如 v2），不要改已部署过的迁移';
  const { alive, problems } = applyMigrations(env.migrations);
  const findings: Finding[] = problems.map((message) => ({ ok: false, env: env.env, message, fix }));
  const bound = new Set(env.durableObjects.filter((b) => !b.script_name).map((b) => b.class_name));
  for (const name of bound) {
    if (!alive.has(name)) findings.push({ ok: false, env: env.env, message: `Durable Object 类 ${name} 已绑定，但没有迁移创建它`, fix: `${fix}，在 new_sqlite_classes 里写 ${name}` });
  }
  for (const name of alive) {
    if (!bound.has(name)) findings.push({ ok: false, env: env.env, message: `迁移创建的类 ${name} 没有任何绑定：它的数据会无法访问`, fix: `恢复 ${name} 的绑定，或确认不要这些数据后在新迁移的 deleted_classes 里写 ${name}` });
  }
  if (findings.length === 0) {
    const tags = env.migrations.map((m) => m.tag).join(', ');
    findings.push({ ok: true, env: env.env, message: `Durable Object 迁移有序（${tags}），绑定的类 ${[...bound].join('、')} 都已创建` });
  }
  return findings;
}

/**
 * Everything wrangler.toml alone can tell. The top level is what `wrangler dev` and the tests run, so it
 * is checked for running (date, migrations); each named environment is checked for a deploy.
 */
export function configFindings(config: WranglerConfig, { envs, workerdDate, today }: { envs: string[]; workerdDate: string; today: string }): Finding[] {
  const topLevel = resolveEnvironment(config);
  const findings = [...compatibilityDateFindings(topLevel, { workerdDate, today: workerdDate }), ...migrationFindings(topLevel)];
  const deployed = envs.map((env) => resolveEnvironment(config, env));
  for (const env of deployed) {
    findings.push(...bindingFindings(env, topLevel), ...siteUrlFindings(env), ...compatibilityDateFindings(env, { workerdDate, today }), ...migrationFindings(env));
  }
  return [...findings, ...rateLimitFindings(deployed)];
}
