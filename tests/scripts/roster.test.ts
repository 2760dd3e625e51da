import { describe, expect, it } from 'vitest';
import { memberCheck, memberId } from '../../functions/member-identity';
import { demoRosterCsv, rosterEntries, rosterKeysToRemove } from '../../scripts/roster';

const KEY = 'roster-test-key';

describe('rosterEntries', () => {
  it('stores keyed hashes only: no phone number, no name, no member number', async () => {
    const csv = '\uFEFF会员号,手机号,姓名\r\nGH-0001,138 0013 8000,张三\r\n';
    const { entries, problems } = await rosterEntries(csv, KEY);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { key: `member:${await memberId('GH-0001', KEY)}`, value: JSON.stringify({ check: await memberCheck('GH-0001', '8000', KEY) }) },
    ]);
    const stored = JSON.stringify(entries);
    for (const secret of ['GH-0001', '13800138000', '8000', '张三']) expect(stored).not.toContain(secret);
  });

  it('reports every bad row with its line and imports nothing', async () => {
    const csv = 'member_number,phone\nA1,13800000001\nbad number!,13800000002\nA3,12\nA1,13800000009\n';
    const { entries, problems } = await rosterEntries(csv, KEY);
    expect(entries).toEqual([]);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(problems[2]!.message).toContain('与第 2 行重复');
  });

  it('needs the two columns', async () => {
    const { problems } = await rosterEntries('name,phone\n张三,13800000001\n', KEY);
    expect(problems).toEqual([{ line: 1, code: 'missing_columns', message: '表头需要 member_number,phone（或 会员号,手机号）两列' }]);
  });
});

describe('demoRosterCsv', () => {
  it('makes clearly-demo members whose phone ends in the number’s last four digits', async () => {
    expect(demoRosterCsv(2)).toBe('member_number,phone\nDEMO00001,13800000001\nDEMO00002,13800000002\n');
    const { entries } = await rosterEntries(demoRosterCsv(12), KEY);
    expect(entries).toHaveLength(12);
  });
});

describe('rosterKeysToRemove', () => {
  it('lists the roster keys the import did not write, and nothing but roster keys', () => {
    const imported = [{ key: 'member:aaa' }, { key: 'member:bbb' }];
    const existing = ['member:aaa', 'member:bbb', 'member:gone', 'ticket:ABCD2345', 'seatmap:s1', 'mt:gone:s1'];
    expect(rosterKeysToRemove(existing, imported)).toEqual(['member:gone']);
    expect(rosterKeysToRemove(['member:aaa'], imported)).toEqual([]);
  });
});
