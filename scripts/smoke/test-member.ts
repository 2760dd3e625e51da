/**
 * The member the smoke test signs in as. `npm run deploy:staging` imports it into staging's roster; it
 * never goes to production. Only staging's data is reachable with it, so it can be written down here.
 */
export const SMOKE_MEMBER = { memberNumber: 'SMOKE-TEST', phone: '10000000000', phoneLast4: '0000' };

/** The roster CSV with the smoke member alone, for scripts/members-import.ts. */
export const smokeRosterCsv = () => `member_number,phone\n${SMOKE_MEMBER.memberNumber},${SMOKE_MEMBER.phone}\n`;
