/** The Worker's bindings, as declared in wrangler.toml. */
export interface Env {
  /** The built site (./dist), served by Workers static assets. */
  ASSETS: Fetcher;
}

export interface AppEnv {
  Bindings: Env;
}
