/**
 * How staff see a member on the seat map: the last four characters of the member's id (a keyed hash of
 * the member number, never the number), enough to tell two holders apart and no more.
 */
export function maskedMemberId(memberId: string): string {
  return `会员 ···${memberId.slice(-4)}`;
}
