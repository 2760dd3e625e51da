import { normalizeMemberNumber } from '../../functions/member-identity.ts';
import { csvRecords } from './csv-records.ts';

/** A member number as the roster keeps it (after normalizeMemberNumber). */
export const MEMBER_NUMBER_PATTERN = /^[A-Z0-9-]{1,32}$/;
/** What the Worker hashes of a phone number: its last four digits. */
export const PHONE_LAST4_PATTERN = /^\d{4}$/;

/** A good row: the member number, normalized, and the last four digits of the phone (all sign-in needs). */
export interface RosterMember {
  line: number;
  number: string;
  last4: string;
}

export type RosterProblemCode =
  | 'missing_columns'
  | 'number_missing'
  | 'number_invalid'
  | 'phone_missing'
  | 'phone_not_digits'
  | 'phone_scientific'
  | 'phone_digits'
  | 'duplicate';

export interface RosterProblem {
  line: number;
  code: RosterProblemCode;
  message: string;
}

export interface RosterRead {
  members: RosterMember[];
  /** Every bad row, by line; none of them is in `members`. */
  problems: RosterProblem[];
  /** Lines with no content (Excel leaves rows of bare commas): skipped, not errors. */
  blankLines: number[];
}

const NUMBER_HEADERS = ['member_number', '会员号', '会员编号'];
const PHONE_HEADERS = ['phone', '手机号', '手机号码', '手机'];

/**
 * A cell as Excel may have written it: `="0138…"` (text kept by a formula), a leading apostrophe,
 * full-width digits and letters, spaces of any width around it.
 */
function cellValue(raw: string | undefined): string {
  let value = (raw ?? '').normalize('NFKC').trim();
  const formula = /^="(.*)"$/.exec(value);
  if (formula) value = formula[1]!.trim();
  if (value.startsWith("'")) value = value.slice(1).trim();
  return value;
}

/** The phone's last four digits, or what is wrong with it. Mobile numbers: 11 digits from 1, maybe after +86. */
function phoneLast4(value: string): { last4: string } | { code: RosterProblemCode; message: string } {
  if (value === '') return { code: 'phone_missing', message: '缺少手机号' };
  if (/^\d(\.\d+)?E\+?\d+$/i.test(value)) {
    return { code: 'phone_scientific', message: `手机号“${value}”被 Excel 改成了科学计数法，末尾几位已丢失：请把这一列设为“文本”后重新导出` };
  }
  const bare = value.replace(/[\s\-()（）]/g, '');
  if (!/^\+?\d+$/.test(bare)) return { code: 'phone_not_digits', message: `手机号“${value}”含有数字以外的字符` };
  const digits = bare.replace(/^\+?(0086|86)(?=1\d{10}$)/, '');
  if (!/^1\d{10}$/.test(digits)) return { code: 'phone_digits', message: `手机号应为 11 位、以 1 开头的数字，这里是 ${digits.length} 位` };
  return { last4: digits.slice(-4) };
}

/**
 * Reads a roster (header: member_number,phone — or 会员号,手机号; other columns such as names are
 * ignored). Every bad row is reported with its line and reason; the first of two rows with the same
 * member number is kept and the later one reported. Pure: the browser's preview, the Worker and the
 * import script all read rosters with it.
 */
export function readRoster(text: string): RosterRead {
  const [header, ...records] = csvRecords(text);
  const names = (header?.cells ?? []).map((cell) => cellValue(cell).toLowerCase());
  const numberColumn = names.findIndex((name) => NUMBER_HEADERS.includes(name));
  const phoneColumn = names.findIndex((name) => PHONE_HEADERS.includes(name));
  if (numberColumn < 0 || phoneColumn < 0) {
    return { members: [], blankLines: [], problems: [{ line: 1, code: 'missing_columns', message: '表头需要 member_number,phone（或 会员号,手机号）两列' }] };
  }
  const members: RosterMember[] = [];
  const problems: RosterProblem[] = [];
  const blankLines: number[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records) {
    if (cells.every((cell) => cellValue(cell) === '')) {
      blankLines.push(line);
      continue;
    }
    const rawNumber = cellValue(cells[numberColumn]);
    const number = normalizeMemberNumber(rawNumber);
    const phone = phoneLast4(cellValue(cells[phoneColumn]));
    if (number === '') problems.push({ line, code: 'number_missing', message: '缺少会员号' });
    else if (!MEMBER_NUMBER_PATTERN.test(number)) problems.push({ line, code: 'number_invalid', message: `会员号“${rawNumber}”无效（只能含字母、数字和 -，最长 32 位）` });
    else if ('code' in phone) problems.push({ line, code: phone.code, message: phone.message });
    else if (seen.has(number)) problems.push({ line, code: 'duplicate', message: `会员号 ${number} 与第 ${seen.get(number)} 行重复` });
    else {
      seen.set(number, line);
      members.push({ line, number, last4: phone.last4 });
    }
  }
  return { members, problems, blankLines };
}
