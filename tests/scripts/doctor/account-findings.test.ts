import { describe, expect, it } from 'vitest';
import { keyCount, rosterFindings, secretFindings, secretNames } from '../../../scripts/doctor/account-findings';
import { problems } from './fixture';

const REQUIRED = ['SESSION_SECRET', 'MEMBER_HASH_KEY', 'TICKET_SECRET'];

describe('secretFindings', () => {
  it('names each secret not set, never a value, with the command that sets it in that environment', () => {
    const listed = secretNames('[{"name":"SESSION_SECRET","type":"secret_text"},{"name":"TICKET_SECRET","type":"secret_text"}]');
    const findings = secretFindings(REQUIRED, listed, 'production');
    expect(problems(findings)).toEqual(['[production] 密钥 MEMBER_HASH_KEY 没有设置']);
    expect(findings.map((f) => f.fix)).toEqual(['npx wrangler secret put MEMBER_HASH_KEY --env production']);
  });

  it('points local development to .dev.vars', () => {
    expect(secretFindings(REQUIRED, [], undefined)[0]!.fix).toContain('.dev.vars');
  });

  it('passes when every secret is set', () => {
    expect(problems(secretFindings(REQUIRED, [...REQUIRED, 'TURNSTILE_SECRET_KEY'], 'staging'))).toEqual([]);
  });
});

describe('rosterFindings', () => {
  it('gives the count of members, not the data', () => {
    const findings = rosterFindings(keyCount('[{"name":"member:a"},{"name":"member:b"}]'), 'staging');
    expect(findings).toEqual([{ ok: true, env: 'staging', message: '会员名单已导入：2 名' }]);
  });

  it('says how to import an empty roster into that environment', () => {
    const [finding] = rosterFindings(keyCount('[]'), 'production');
    expect(finding!.ok).toBe(false);
    expect(finding!.fix).toBe('MEMBER_HASH_KEY=… npm run members:import -- roster.csv --remote --env production');
  });
});
