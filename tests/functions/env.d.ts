// `env` from cloudflare:test carries the Worker's bindings from wrangler.toml, and what the test config adds.
declare namespace Cloudflare {
  type WorkerEnv = import('../../functions/env').Env;
  interface Env extends WorkerEnv {
    /** The search's D1 migrations (tests/vitest.config.ts), applied by tests/functions/setup.ts. */
    SEARCH_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
