import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { KvOutbox } from '../../functions/kv-outbox';
import { ObjectMeta } from '../../functions/object-meta';

describe('KvOutbox', () => {
  it('takes over an outbox table from before the rewrite column and writes its rows', async () => {
    await runInDurableObject(env.SCREENINGS.getByName('old-outbox'), async (_, state) => {
      state.storage.sql.exec('DROP TABLE outbox');
      state.storage.sql.exec('CREATE TABLE outbox (key TEXT PRIMARY KEY, value TEXT, metadata TEXT, version INTEGER NOT NULL)');
      state.storage.sql.exec("INSERT INTO outbox (key, value, metadata, version) VALUES ('old-outbox-key', 'queued before', NULL, 1)");
      const outbox = new KvOutbox({
        storage: state.storage,
        meta: new ObjectMeta(state.storage.sql),
        kv: () => env.SEATS,
        renderSnapshot: () => undefined,
        label: () => 'old outbox',
      });
      expect(outbox.pendingWrites()).toBe(true);
      await outbox.alarm();
      expect(outbox.pendingWrites()).toBe(false);
    });
    expect(await env.SEATS.get('old-outbox-key')).toBe('queued before');
  });
});
