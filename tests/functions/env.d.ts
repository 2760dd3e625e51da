// `env` from cloudflare:test carries the Worker's bindings from wrangler.toml.
declare namespace Cloudflare {
  type WorkerEnv = import('../../functions/env').Env;
  interface Env extends WorkerEnv {
    /** The search's D1 migrations (tests/vitest.config.ts), for applyD1Migrations. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
