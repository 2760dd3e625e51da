import { parse } from 'csv-parse/sync';
import { memberCheck, memberId, normalizeMemberNumber } from '../functions/member-identity.ts';
import { kvKey, type RosterEntry } from '../functions/seat-store.ts';

export interface RosterProblem {
  line: number;
  message: string;
}

const MEMBER_NUMBER = ['member_number', '会员号'];
const PHONE = ['phone', '手机号'];

/**
 * Reads a roster CSV (header: member_number,phone — or 会员号,手机号; other columns such as names are
 * ignored and never stored) into KV entries keyed by a keyed hash of the member number. Every bad row is
 * reported; with any problem nothing is returned, so a half-imported roster cannot happen.
 */
export async function rosterEntries(csv: string, hashKey: string): Promise<{ entries: { key: string; value: string }[]; problems: RosterProblem[] }> {
  const rows: Record<string, string>[] = parse(csv, { columns: true, bom: true, trim: true, skip_empty_lines: true });
  const column = (names: string[]) => names.find((name) => rows.length === 0 || name in rows[0]!);
  const numberColumn = column(MEMBER_NUMBER);
  const phoneColumn = column(PHONE);
  if (!numberColumn || !phoneColumn) {
    return { entries: [], problems: [{ line: 1, message: '表头需要 member_number,phone（或 会员号,手机号）两列' }] };
  }
  const problems: RosterProblem[] = [];
  const seen = new Map<string, number>();
  const valid: { number: string; last4: string }[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const number = normalizeMemberNumber(row[numberColumn] ?? '');
    const digits = (row[phoneColumn] ?? '').replace(/\D/g, '');
    if (!/^[A-Z0-9-]{1,32}$/.test(number)) problems.push({ line, message: `会员号“${row[numberColumn]}”无效（只能含字母、数字和 -）` });
    else if (digits.length < 4) problems.push({ line, message: '手机号至少需要 4 位数字' });
    else if (seen.has(number)) problems.push({ line, message: `会员号 ${number} 与第 ${seen.get(number)} 行重复` });
    else {
      seen.set(number, line);
      valid.push({ number, last4: digits.slice(-4) });
    }
  });
  if (problems.length > 0) return { entries: [], problems };
  const entries = await Promise.all(
    valid.map(async ({ number, last4 }) => {
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
