/**
 * The SEARCH database through wrangler: the local one (`wrangler dev`'s state, or --persist-to's) or an
 * environment's on Cloudflare. Every failure is a ReindexError whose message says what failed, with
 * wrangler's own words.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReindexError } from './reindex-error.ts';

// Run with this Node (22): the PATH's may be older than wrangler accepts.
const WRANGLER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/wrangler/bin/wrangler.js');

export type D1Target = { local: true; persistTo?: string; config?: string } | { local: false; env: string; config?: string };

/** The flags that pick the database: --local [--persist-to DIR] or --remote --env ENV. */
export function targetFlags(target: D1Target): string[] {
  const config = target.config ? ['--config', target.config] : [];
  if (target.local) return ['--local', ...(target.persistTo ? ['--persist-to', target.persistTo] : []), ...config];
  return ['--remote', '--env', target.env, ...config];
}

function wrangler(args: string[]): string {
  // CI=true: wrangler takes its non-interactive defaults (it asks before applying migrations).
  const result = spawnSync(process.execPath, [WRANGLER, ...args], { encoding: 'utf8', maxBuffer: 1024 ** 3, env: { ...process.env, CI: 'true' } });
  if (result.error) throw new ReindexError(`wrangler ${args.slice(0, 3).join(' ')} 无法运行：${result.error.message}`);
  if (result.status !== 0) {
    const said = `${result.stderr}\n${result.stdout}`.trim();
    throw new ReindexError(`wrangler ${args.slice(0, 3).join(' ')} 失败（退出码 ${result.status}）：\n${said}`);
  }
  return result.stdout;
}

/** Applies the migrations in migrations_dir that the database has not had yet. */
export function applyMigrations(target: D1Target): void {
  wrangler(['d1', 'migrations', 'apply', 'SEARCH', ...targetFlags(target)]);
}

/** The rows a query answers (`wrangler d1 execute --json`). */
export function query<Row>(target: D1Target, sql: string): Row[] {
  const stdout = wrangler(['d1', 'execute', 'SEARCH', ...targetFlags(target), '--json', '--command', sql]);
  let answer: unknown;
  try {
    answer = JSON.parse(stdout);
  } catch {
    throw new ReindexError(`D1 没有返回 JSON（wrangler d1 execute --json 输出了：${stdout.trim().slice(0, 500) || '空'}）`);
  }
  const first = Array.isArray(answer) ? (answer[0] as { results?: unknown } | undefined) : undefined;
  if (!first || !Array.isArray(first.results)) throw new ReindexError(`D1 的回答里没有 results（${stdout.trim().slice(0, 500)}）`);
  return first.results as Row[];
}

/** Runs an SQL file. */
export function executeFile(target: D1Target, file: string): void {
  wrangler(['d1', 'execute', 'SEARCH', ...targetFlags(target), '--file', file, '--yes']);
}
