import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanEnv } from './run';

export interface DevServer {
  baseURL: string;
  stop(): void;
}

export interface DevServerOptions {
  /** Demo members DEMO00001… to load into the server's KV. */
  members?: number;
  /** Adds the local demo screening, its seats released this many seconds after start-up. */
  demoReleaseInSeconds?: number;
  /** Adds the local demo lottery screening (`demo-lottery`), open for entries, drawn this many seconds after start-up. */
  demoLotteryDrawInSeconds?: number;
  /** Builds the server's own catalogue with these arguments to scripts/build-catalogue.ts instead (e.g. ['--smoke']). */
  catalogueArgs?: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function runOrThrow(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync('npx', [command, ...args], { encoding: 'utf8', env: cleanEnv(env) });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The built pages as they are now (paths, sizes, times) and the code that indexes them: either changes it. */
function builtSiteKey(site: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).sort()) {
    const { size, mtimeMs } = statSync(path.join(site, file));
    hash.update(`${file} ${size} ${mtimeMs}\n`);
  }
  for (const dir of ['src/search', 'functions/search/migrations']) {
    for (const file of readdirSync(dir).sort()) hash.update(readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Puts the search of the built site into a server's state, as `npm start` does: indexed once per build
 * of dist/ (three wrangler runs, 15–45 s) and then copied, since a dozen test files each start a server.
 */
function seedSearch(state: string): void {
  const cache = path.resolve('node_modules', '.cache', 'huigong-test-search');
  const indexed = path.join(cache, builtSiteKey('dist'));
  if (!existsSync(indexed)) {
    mkdirSync(cache, { recursive: true });
    // Earlier builds' copies are of no more use (another process's indexing under way is left alone).
    for (const old of readdirSync(cache).filter((name) => !name.startsWith('indexing-'))) rmSync(path.join(cache, old), { recursive: true, force: true });
    const scratch = mkdtempSync(path.join(cache, 'indexing-'));
    runOrThrow('node', ['scripts/search-reindex.ts', '--site', 'dist', '--local', '--persist-to', scratch]);
    // Another process may have indexed the same build meanwhile: either copy will do.
    if (!existsSync(indexed)) renameSync(path.join(scratch, 'v3', 'd1'), indexed);
    rmSync(scratch, { recursive: true, force: true });
  }
  cpSync(indexed, path.join(state, 'v3', 'd1'), { recursive: true });
}

/**
 * `wrangler dev` on the built site with fresh local state in a temporary folder (its search indexed from
 * dist/), as `npm start` runs it, optionally with demo members and its own catalogue (a demo screening released seconds from now).
 */
export async function startDevServer({ members = 0, demoReleaseInSeconds, demoLotteryDrawInSeconds, catalogueArgs }: DevServerOptions = {}): Promise<DevServer> {
  const state = mkdtempSync(path.join(tmpdir(), 'huigong-wrangler-'));
  runOrThrow('node', ['scripts/dev-setup.ts', '--persist-to', state, '--members', String(members)]);
  seedSearch(state);
  const args = ['wrangler', 'dev', '--ip', '127.0.0.1', '--persist-to', state, '--show-interactive-dev-session=false'];
  if (demoReleaseInSeconds !== undefined || demoLotteryDrawInSeconds !== undefined || catalogueArgs) {
    const catalogue = path.join(state, 'catalogue.json');
    const buildArgs = catalogueArgs ?? [
      ...(demoReleaseInSeconds !== undefined ? ['--demo-release-in', String(demoReleaseInSeconds)] : []),
      ...(demoLotteryDrawInSeconds !== undefined ? ['--demo-lottery-draw-in', String(demoLotteryDrawInSeconds)] : []),
    ];
    runOrThrow('node', ['scripts/build-catalogue.ts', ...buildArgs], { HUIGONG_CATALOGUE: catalogue });
    // wrangler dev ignores --alias, so a copy of wrangler.toml points the catalogue alias elsewhere.
    // Paths in it resolve from its folder, which also needs the local secrets.
    const root = process.cwd();
    const config = readFileSync('wrangler.toml', 'utf8')
      .replace(/^main = "(.+)"$/m, (_, main: string) => `main = "${path.resolve(root, main)}"`)
      .replace(/^directory = "(.+)"$/m, (_, dir: string) => `directory = "${path.resolve(root, dir)}"`)
      .replace(/^migrations_dir = "(.+)"$/gm, (_, dir: string) => `migrations_dir = "${path.resolve(root, dir)}"`)
      .replace('"./functions/generated/catalogue.json"', JSON.stringify(catalogue));
    writeFileSync(path.join(state, 'wrangler.toml'), config);
    copyFileSync('.dev.vars', path.join(state, '.dev.vars'));
    args.push('--config', path.join(state, 'wrangler.toml'));
  }
  // A port found free can be taken by another test's server before wrangler binds it: try another.
  for (let attempt = 1; ; attempt++) {
    const started = await listenOn(await freePort(), args, state);
    if (started.ok) return started.server;
    if (!started.portTaken || attempt === 3) throw new Error(started.message);
  }
}

type Started = { ok: true; server: DevServer } | { ok: false; portTaken: boolean; message: string };

async function listenOn(port: number, args: string[], state: string): Promise<Started> {
  const child = spawn('npx', [...args, '--port', String(port)], { env: cleanEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  let exited = false;
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  child.on('exit', () => (exited = true));

  const baseURL = `http://127.0.0.1:${port}`;
  const stop = () => {
    // The whole process group: npx, wrangler and workerd.
    if (!exited) process.kill(-child.pid!, 'SIGTERM');
    rmSync(state, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) return { ok: false, portTaken: log.includes('Address already in use'), message: `wrangler dev exited early:\n${log}` };
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return { ok: true, server: { baseURL, stop } };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  return { ok: false, portTaken: false, message: `wrangler dev did not answer within 90 s:\n${log}` };
}
