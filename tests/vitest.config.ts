import { defineConfig } from 'vitest/config';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';

/** Secrets for the Worker under test (production ones come from `wrangler secret put`). */
export const TEST_SECRETS = {
  SESSION_SECRET: 'test-session-secret',
  MEMBER_HASH_KEY: 'test-member-hash-key',
  TICKET_SECRET: 'test-ticket-secret',
  TICKET_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIDcD9X0deWSa8MzzeABCBmlUnJpw8b+Tf7kcFblqnV5C',
  STAFF_BOOTSTRAP_SECRET: 'test-staff-bootstrap-secret-at-least-32-characters',
};

/** The search's D1 schema, applied before each Worker test (tests/functions/setup.ts). */
const searchMigrations = await readD1Migrations(new URL('../functions/search/migrations', import.meta.url).pathname);

// Four kinds of test: plain Node (pure modules, content and the built site), the Worker inside workerd,
// headless Chromium against `wrangler dev`, and the browser editor against `astro dev`. `npm test` builds the site first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          root: '.',
          include: ['tests/{build,news,cinema,schemas,site,scripts,honors,programs,stations,content-check,components,layouts,search,keystatic}/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { ...TEST_SECRETS, SEARCH_MIGRATIONS: searchMigrations } },
          }),
        ],
        resolve: { alias: { 'huigong-catalogue': new URL('../functions/generated/catalogue.json', import.meta.url).pathname } },
        test: {
          name: 'worker',
          root: '.',
          include: ['tests/functions/**/*.test.ts'],
          setupFiles: ['tests/functions/setup.ts'],
          testTimeout: 60_000,
          // The setup seeds the staff accounts before each test: Durable Object calls, as slow as a test's on a busy machine.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The browser editor against `astro dev` (it exists only there); writes into content/ and restores it.
          name: 'editor',
          root: '.',
          include: ['tests/editor/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
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
