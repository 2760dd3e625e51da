import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cleanEnv } from './run';

export interface AstroDevServer {
  baseURL: string;
  stop(): Promise<void>;
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

/**
 * `astro dev` on this checkout (with the browser editor at /keystatic), on a free port; resolves once it
 * serves pages. Astro refuses a second dev server for one project, so stop your own `npm run dev` first.
 */
export async function startAstroDev(): Promise<AstroDevServer> {
  const port = await freePort();
  const child = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], { env: cleanEnv(), detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const baseURL = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
    const ready = await fetch(`${baseURL}/`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseURL,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}
