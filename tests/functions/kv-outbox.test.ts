import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { FLUSH_BATCH, KvOutbox, type KvWriter } from '../../functions/kv-outbox';
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

  it("writes no more than a batch of keys per alarm (KV's operations per invocation), the rest on the alarms after", async () => {
    const keys = Array.from({ length: 1_200 }, (_, i) => `big-outbox-${String(i).padStart(4, '0')}`);
    let writesThisAlarm = 0;
    const counting: KvWriter = {
      put: (...args: Parameters<KVNamespace['put']>) => (writesThisAlarm++, env.SEATS.put(...args)),
      delete: (key: string) => (writesThisAlarm++, env.SEATS.delete(key)),
    };
    await runInDurableObject(env.SCREENINGS.getByName('big-outbox'), async (_, state) => {
      const outbox = new KvOutbox({
        storage: state.storage,
        meta: new ObjectMeta(state.storage.sql),
        kv: () => counting,
        renderSnapshot: (version) => ({ key: 'big-outbox-snapshot', value: String(version) }),
        label: () => 'big outbox',
      });
      outbox.touch();
      for (const key of keys) outbox.put(key, `value of ${key}`);
      const perAlarm: number[] = [];
      for (let alarm = 0; alarm < 5 && outbox.pendingWrites(); alarm++) {
        writesThisAlarm = 0;
        await outbox.alarm();
        perAlarm.push(writesThisAlarm);
        // Each batch leaves the alarm set for the next one while writes remain.
        if (outbox.pendingWrites()) expect(await state.storage.getAlarm()).not.toBeNull();
      }
      expect(outbox.pendingWrites()).toBe(false);
      expect(perAlarm.length).toBe(Math.ceil((keys.length + 1) / FLUSH_BATCH));
      for (const writes of perAlarm) expect(writes).toBeLessThanOrEqual(FLUSH_BATCH);
      await state.storage.deleteAlarm();
    });
    const written = await env.SEATS.get([keys[0]!, keys[FLUSH_BATCH]!, keys.at(-1)!]);
    expect([...written.values()]).toEqual([`value of ${keys[0]}`, `value of ${keys[FLUSH_BATCH]}`, `value of ${keys.at(-1)}`]);
    expect(await env.SEATS.get('big-outbox-snapshot')).not.toBeNull();
  });
});
