import { memberCheck, memberId } from '../functions/member-identity.ts';
import { kvKey, type RosterEntry } from '../functions/seat-store.ts';
import { readRoster, type RosterProblem } from '../src/cinema/roster-rows.ts';

/**
 * Reads a roster CSV (src/cinema/roster-rows.ts, as the console's upload does) into KV entries keyed by
 * a keyed hash of the member number; names and phone numbers are never stored. Every bad row is
 * reported; with any problem nothing is returned, so a half-imported roster cannot happen.
 */
export async function rosterEntries(csv: string, hashKey: string): Promise<{ entries: { key: string; value: string }[]; problems: RosterProblem[] }> {
  const { members, problems } = readRoster(csv);
  if (problems.length > 0) return { entries: [], problems };
  const entries = await Promise.all(
    members.map(async ({ number, last4 }) => {
      const entry: RosterEntry = { check: await memberCheck(number, last4, hashKey) };
      return { key: kvKey.roster(await memberId(number, hashKey)), value: JSON.stringify(entry) };
    }),
  );
  return { entries, problems };
}

/**
 * The roster keys to delete so that KV holds exactly the imported roster: every `member:` key the
 * import did not write. Members taken off the roster then stop signing in and claiming (their
 * sessions are refused on the next request, see functions/session.ts).
 */
export function rosterKeysToRemove(existing: readonly string[], imported: readonly { key: string }[]): string[] {
  const kept = new Set(imported.map((entry) => entry.key));
  return existing.filter((key) => key.startsWith(kvKey.roster('')) && !kept.has(key));
}

/** Demo members DEMO00001…: phone 138000 + the same five digits, so the last four are the number's. */
export function demoRosterCsv(count: number): string {
  const lines = ['member_number,phone'];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(5, '0');
    lines.push(`DEMO${n},138000${n}`);
  }
  return `${lines.join('\n')}\n`;
}
