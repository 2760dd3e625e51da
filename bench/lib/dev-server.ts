/**
 * `wrangler dev` on the built site for the benches, the way tests/helpers/wrangler-dev.ts starts it:
 * a given local state folder, and a copy of wrangler.toml pointing the catalogue alias at the bench's
 * own catalogue (wrangler dev ignores --alias) and, if given, the static assets at another build. Logs go to a file; stop() ends the whole process group.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT, childEnv } from './env.ts';

export interface DevServer {
  base: URL;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/** Process groups of running servers, ended if the bench itself is stopped or exits. */
const running = new Set<number>();
let handlersInstalled = false;
function endAll(): void {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      // gone already
    }
  }
  running.clear();
}
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', endAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      endAll();
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
    });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Copies the Worker's code (functions/, and src/ which it imports) and the built site (dist/) into
 * `dir`: wrangler dev reloads the Worker whenever a watched file changes, and other people edit and
 * build this checkout while a bench runs. `dir` must be inside the checkout (node_modules resolves
 * from there): the benches use the git-ignored tmp/.
 */
export function snapshotCode(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const folder of ['functions', 'src', 'dist']) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  return dir;
}

export interface DevServerOptions {
  /** wrangler dev's local state (KV, Durable Objects). */
  state: string;
  /** The cinema catalogue the Worker imports, instead of functions/generated/catalogue.json. */
  catalogue?: string;
  /** The built site to serve, instead of dist/. */
  assets?: string;
  /** A folder from snapshotCode(): run its functions/ and serve its dist/ (unless `assets`). */
  code?: string;
  /** More `wrangler dev` arguments. */
  extraArgs?: string[];
  /** Leave out wrangler.toml's [[ratelimits]] bindings (the Worker skips a limiter it lacks). */
  withoutRateLimits?: boolean;
  port?: number;
  readyTimeoutMs?: number;
}

export async function startDevServer({
  state,
  catalogue,
  assets,
  code,
  extraArgs = [],
  withoutRateLimits = false,
  port: wanted,
  readyTimeoutMs = 120_000,
}: DevServerOptions): Promise<DevServer> {
  const port = wanted ?? (await freePort());
  const args = ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', state, '--show-interactive-dev-session=false'];
  if (catalogue || assets || code || withoutRateLimits) {
    const from = code ?? ROOT;
    let toml = readFileSync(path.join(ROOT, 'wrangler.toml'), 'utf8');
    if (withoutRateLimits) toml = toml.replace(/^\[\[ratelimits\]\]\n(?:[^\[\n].*\n)*/gm, '');
    const config = toml
      .replace(/^main = "(.+)"$/m, (_, main: string) => `main = "${path.resolve(from, main)}"`)
      .replace(/^directory = "(.+)"$/m, (_, dir: string) => `directory = ${JSON.stringify(assets ?? path.resolve(from, dir))}`)
      .replace('"./functions/generated/catalogue.json"', JSON.stringify(catalogue ?? path.join(ROOT, 'functions', 'generated', 'catalogue.json')));
    writeFileSync(path.join(state, 'wrangler.toml'), config);
    copyFileSync(path.join(ROOT, '.dev.vars'), path.join(state, '.dev.vars'));
    args.push('--config', path.join(state, 'wrangler.toml'));
  }
  args.push(...extraArgs);
  const logFile = path.join(state, 'wrangler.log');
  const log = createWriteStream(logFile);
  installHandlers();
  const child = spawn('npx', args, { cwd: ROOT, env: childEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child.pid!);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      running.delete(child.pid!);
      resolve();
    }),
  );
  const base = new URL(`http://127.0.0.1:${port}`);
  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // gone already
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // gone already
        }
      }, 10_000);
      await exit;
      clearTimeout(killer);
    }
    log.end();
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`wrangler dev exited early; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    try {
      if ((await fetch(new URL('/api/health', base))).ok) return { base, pid: child.pid!, logFile, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer within ${readyTimeoutMs / 1000} s; see ${logFile}`);
}
