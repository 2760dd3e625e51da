import { hmac, toHex } from './crypto.ts';

/** Member numbers as printed on cards vary in case and spacing; the roster and sign-in agree on this form. */
export function normalizeMemberNumber(memberNumber: string): string {
  return memberNumber.replace(/\s+/g, '').toUpperCase();
}

/** A member's id everywhere in the system: a keyed hash of the member number (the number is never stored). */
export async function memberId(memberNumber: string, key: string): Promise<string> {
  return toHex(await hmac(key, `member:${normalizeMemberNumber(memberNumber)}`)).slice(0, 32);
}

/** What sign-in compares: a keyed hash of the member number and the last four digits of the phone. */
export async function memberCheck(memberNumber: string, phoneLast4: string, key: string): Promise<string> {
  return toHex(await hmac(key, `check:${normalizeMemberNumber(memberNumber)}:${phoneLast4}`));
}
