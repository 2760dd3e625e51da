import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memberId } from '../../functions/member-identity';
import { devVars } from '../../scripts/dev-vars';
import { cleanEnv } from '../helpers/run';

const work = mkdtempSync(path.join(tmpdir(), 'huigong-members-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { encoding: 'utf8', env: cleanEnv() });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
const importRoster = (rows: string[], ...flags: string[]) => {
  const csv = path.join(work, `roster-${rows.length}.csv`);
  writeFileSync(csv, ['member_number,phone', ...rows].join('\n'));
  return run('npx', ['node', 'scripts/members-import.ts', csv, '--persist-to', work, ...flags]);
};
const rosterKeys = () =>
  (JSON.parse(run('npx', ['wrangler', 'kv', 'key', 'list', '--prefix', 'member:', '--binding', 'SEATS', '--local', '--persist-to', work])) as { name: string }[])
    .map((key) => key.name)
    .sort();
const keyOf = async (number: string) => `member:${await memberId(number, devVars().MEMBER_HASH_KEY!)}`;

describe('npm run members:import', () => {
  it('adds and updates members, and with --prune removes those no longer on the roster', async () => {
    importRoster(['HG0001,13800000001', 'HG0002,13800000002', 'HG0003,13800000003']);
    expect(rosterKeys()).toEqual((await Promise.all(['HG0001', 'HG0002', 'HG0003'].map(keyOf))).sort());

    // Without --prune a shorter file only adds and updates.
    importRoster(['HG0001,13800000001', 'HG0002,13800000002']);
    expect(rosterKeys()).toHaveLength(3);

    const out = importRoster(['HG0001,13800000001', 'HG0002,13800000002'], '--prune');
    expect(out).toContain('删除名单外的 1 名');
    expect(rosterKeys()).toEqual((await Promise.all(['HG0001', 'HG0002'].map(keyOf))).sort());
  });
});
