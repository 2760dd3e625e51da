import { parse } from 'smol-toml';
import { z } from 'zod';

const kvNamespace = z.object({ binding: z.string(), id: z.string().optional() }).loose();
const d1Database = z.object({ binding: z.string(), database_name: z.string().optional(), database_id: z.string().optional() }).loose();
const durableObjectBinding = z.object({ name: z.string(), class_name: z.string(), script_name: z.string().optional() }).loose();
const rateLimit = z.object({ name: z.string(), namespace_id: z.union([z.string(), z.number()]).transform(String) }).loose();
const rename = z.object({ from: z.string(), to: z.string() });
/** Other binding kinds wrangler does not inherit into an environment, each entry named by `binding`. */
export const OTHER_BINDING_KINDS = ['analytics_engine_datasets', 'd1_databases', 'r2_buckets', 'services', 'hyperdrive', 'vectorize', 'queues.producers'] as const;
const named = z.array(z.object({ binding: z.string() }).loose());
export const migrationSchema = z
  .object({
    tag: z.string(),
    new_classes: z.array(z.string()).default([]),
    new_sqlite_classes: z.array(z.string()).default([]),
    renamed_classes: z.array(rename).default([]),
    transferred_classes: z.array(z.object({ from: z.string(), from_script: z.string(), to: z.string() })).default([]),
    deleted_classes: z.array(z.string()).default([]),
  })
  .loose();

/** The keys of a Worker environment that the doctor reads; the rest of wrangler.toml passes through. */
const environmentSchema = z
  .object({
    name: z.string().optional(),
    compatibility_date: z.string().optional(),
    vars: z.record(z.string(), z.unknown()).optional(),
    kv_namespaces: z.array(kvNamespace).optional(),
    durable_objects: z.object({ bindings: z.array(durableObjectBinding).default([]) }).optional(),
    migrations: z.array(migrationSchema).optional(),
    ratelimits: z.array(rateLimit).optional(),
    analytics_engine_datasets: named.optional(),
    d1_databases: z.array(d1Database).optional(),
    r2_buckets: named.optional(),
    services: named.optional(),
    hyperdrive: named.optional(),
    vectorize: named.optional(),
    queues: z.object({ producers: named.optional() }).loose().optional(),
  })
  .loose();

export const wranglerConfigSchema = environmentSchema.extend({ env: z.record(z.string(), environmentSchema).default({}) });

export type WranglerConfig = z.infer<typeof wranglerConfigSchema>;
export type Migration = z.infer<typeof migrationSchema>;

/** An environment as wrangler deploys it: its own keys, or the top level's where wrangler inherits them. */
export interface ResolvedEnvironment {
  /** `undefined` for the top level (what `wrangler dev` and the tests run). */
  env: string | undefined;
  name: string | undefined;
  compatibilityDate: string | undefined;
  vars: Record<string, unknown>;
  kvNamespaces: z.infer<typeof kvNamespace>[];
  d1Databases: z.infer<typeof d1Database>[];
  durableObjects: z.infer<typeof durableObjectBinding>[];
  migrations: Migration[];
  rateLimits: z.infer<typeof rateLimit>[];
  /** Binding names of the other kinds, by kind (`analytics_engine_datasets`: ['CLAIMS'] …). */
  otherBindings: Record<(typeof OTHER_BINDING_KINDS)[number], string[]>;
}

/** Reads wrangler.toml's text; throws with the parser's line and column on a syntax error. */
export function parseWranglerToml(text: string): WranglerConfig {
  return wranglerConfigSchema.parse(parse(text));
}

/**
 * Resolves one environment the way wrangler 4 does: `name`, `compatibility_date` and `migrations` are
 * inherited from the top level; bindings (`vars`, `kv_namespaces`, `d1_databases`, `durable_objects`, `ratelimits`) are
 * not, so an environment without them has none. (wrangler suffixes the inherited name with `-<env>`.)
 */
export function resolveEnvironment(config: WranglerConfig, env?: string): ResolvedEnvironment {
  const own: z.infer<typeof environmentSchema> | undefined = env === undefined ? config : config.env[env];
  if (!own) throw new Error(`wrangler.toml has no [env.${env}]`);
  return {
    env,
    name: own.name ?? (env === undefined ? config.name : config.name && `${config.name}-${env}`),
    compatibilityDate: own.compatibility_date ?? config.compatibility_date,
    vars: own.vars ?? {},
    kvNamespaces: own.kv_namespaces ?? [],
    d1Databases: own.d1_databases ?? [],
    durableObjects: own.durable_objects?.bindings ?? [],
    migrations: own.migrations ?? config.migrations ?? [],
    rateLimits: own.ratelimits ?? [],
    otherBindings: Object.fromEntries(
      OTHER_BINDING_KINDS.map((kind) => {
        const entries = kind === 'queues.producers' ? own.queues?.producers : own[kind];
        return [kind, (entries ?? []).map((entry) => entry.binding)];
      }),
    ) as ResolvedEnvironment['otherBindings'],
  };
}
