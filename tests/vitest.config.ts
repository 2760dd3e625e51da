import { defineConfig } from 'vitest/config';
import { cloudflareTest } from '@cloudflare/vitest-plugin';

// Three kinds of test: plain Node (pure modules, content and the built site), the Worker inside workerd,
// and headless Chromium against `wrangler dev`. `npm test` builds the site first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          root: '.',
          include: ['tests/{news,cinema,schemas,site,scripts}/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: {
          name: 'worker',
          root: '.',
          include: ['tests/functions/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          root: '.',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/wrangler-dev.setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
