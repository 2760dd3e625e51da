import { describe, expect, it } from 'vitest';
import { memberCheck, memberId } from '../../../functions/member-identity';
import { kvKey } from '../../../functions/seat-store';
import { rosterEntries } from '../../../scripts/roster';
import { SMOKE_MEMBER, smokeRosterCsv } from '../../../scripts/smoke/test-member';

describe('smokeRosterCsv', () => {
  it('is a roster the import accepts, under which the smoke test can sign in', async () => {
    const key = 'staging-hash-key';
    const { entries, problems } = await rosterEntries(smokeRosterCsv(), key);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        key: kvKey.roster(await memberId(SMOKE_MEMBER.memberNumber, key)),
        value: JSON.stringify({ check: await memberCheck(SMOKE_MEMBER.memberNumber, SMOKE_MEMBER.phoneLast4, key) }),
      },
    ]);
  });
});
