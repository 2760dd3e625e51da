// `env` from cloudflare:test carries the Worker's bindings from wrangler.toml.
declare namespace Cloudflare {
  type WorkerEnv = import('../../functions/env').Env;
  interface Env extends WorkerEnv {}
}
