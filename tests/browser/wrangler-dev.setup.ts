import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { cleanEnv } from '../helpers/run';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
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

async function waitForHealth(url: string, timeoutMs: number, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const failure = exited();
    if (failure) throw new Error(`wrangler dev exited early:\n${failure}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`wrangler dev did not answer ${url} within ${timeoutMs} ms`);
}

/** Starts `wrangler dev` on the built site with fresh local state, as `npm start` does, for the browser tests. */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const state = mkdtempSync(path.join(tmpdir(), 'huigong-wrangler-'));
  const child = spawn(
    'npx',
    ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', state, '--show-interactive-dev-session=false'],
    { env: cleanEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  let exitCode: number | null | undefined;
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  child.on('exit', (code) => (exitCode = code));

  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHealth(`${baseURL}/api/health`, 90_000, () => (exitCode !== undefined ? log : undefined));
  project.provide('baseURL', baseURL);

  return () => {
    // The whole process group: npx, wrangler and workerd.
    if (exitCode === undefined) process.kill(-child.pid!, 'SIGTERM');
    rmSync(state, { recursive: true, force: true });
  };
}
