import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startDevServer, type DevServer, type DevServerOptions } from '../helpers/wrangler-dev';

/** A test file's own `wrangler dev` and Chromium, there while its tests run. */
export interface OwnServer {
  readonly server: DevServer;
  readonly browser: Browser;
}

/**
 * Starts a `wrangler dev` with `options` (demo members, a demo screening released or drawn seconds from
 * start-up) and Chromium together before the file's tests, and stops both after them. Call it at the top
 * of a test file; read `server` and `browser` inside its tests.
 */
export function ownServer(options: DevServerOptions = {}): OwnServer {
  let server: DevServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // Each kept as it comes, so that afterAll stops the one that started when the other failed.
    const started = await Promise.allSettled([startDevServer(options).then((s) => (server = s)), launchChromium().then((b) => (browser = b))]);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the dev server is not started: read it inside a test');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched: read it inside a test');
      return browser;
    },
  };
}
