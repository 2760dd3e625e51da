import { applyD1Migrations, env } from 'cloudflare:test';
import { beforeEach } from 'vitest';
import { seedTestStaff } from './helpers/staff';

// Every test starts with the staff accounts staffHeaders() names, and an empty search made from its
// migrations (D1 keeps its tables from test to test otherwise).
beforeEach(async () => {
  await env.SEARCH.batch(['d1_migrations', 'search_terms', 'search_passages', 'search_documents'].map((table) => env.SEARCH.prepare(`DROP TABLE IF EXISTS ${table}`)));
  await applyD1Migrations(env.SEARCH, env.SEARCH_MIGRATIONS);
  await seedTestStaff();
});
