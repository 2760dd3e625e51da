/**
 * The lottery's draw (issue #12 §3): a weighted random order of the entries, exactly reproducible from
 * the published seed and entry list, in Node, in workerd and in any language with SHA-256 and big integers.
 *
 * Efraimidis–Spirakis: each entry gets the key u^(1/w) for a uniform u in (0, 1) and its weight w, and
 * the entries are drawn in descending key order, which is weighted sampling without replacement. Here
 * u comes from SHA-256(seed ‖ entrant) as an exact dyadic fraction, and keys are compared as integers
 * (never as floats, so no engine's rounding of pow or log can change an order): with u = a / 2^53,
 *   a^(1/w) / … > b^(1/v) / …   ⇔   a^v · 2^(53·w) > b^w · 2^(53·v)   (both sides raised to w·v > 0).
 * Weights are therefore whole numbers (1 … CINEMA_RULES.lottery.maxWeight).
 */

export interface LotteryEntry {
  /** The entry's public name: see `lotteryEntrant`. */
  entrant: string;
  /** A whole number ≥ 1. */
  weight: number;
  /** 1, or 2 for the member and one guest (one entry: they win or lose together). */
  seats: 1 | 2;
}

/** One sentence a reader can recompute the draw from (published with every draw, read by the verify script). */
export const LOTTERY_METHOD =
  'commitment = SHA-256(seed bytes); for each entry, n = the first 52 bits (big-endian) of SHA-256(seed bytes ‖ UTF-8 entrant), ' +
  'u = (2n+1)/2^53, key = u^(1/weight) (Efraimidis–Spirakis), compared exactly as integers: a = 2n+1 beats b when ' +
  'a^w_b · 2^(53·w_a) > b^w_a · 2^(53·w_b), ties by entrant ascending; order = keys descending; walking the order, without the entrants in ' +
  'excluded (members suspended when the draw ran), with seatsOffered seats left, an entry wins when its seats (1, or 2 for a pair) are left and it is not in passedOver (pairs for whom no two seats ' +
  'together were left), else it is passed over and the next may win';

const encoder = new TextEncoder();
const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));

const sha256 = async (bytes: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));

/**
 * A member's name in one lottery: the first 16 hex digits of SHA-256(`lottery:${screeningId}:${memberId}`).
 * Per screening, so entries in two lotteries cannot be linked; the member can find their own line.
 */
export async function lotteryEntrant(screeningId: string, memberId: string): Promise<string> {
  return toHex(await sha256(encoder.encode(`lottery:${screeningId}:${memberId}`))).slice(0, 16);
}

/** a = 2n+1 with n the first 52 bits of SHA-256(seed ‖ entrant): u = a / 2^53 lies strictly inside (0, 1). */
async function keyNumerator(seed: Uint8Array, entrant: string): Promise<bigint> {
  const name = encoder.encode(entrant);
  const input = new Uint8Array(seed.length + name.length);
  input.set(seed);
  input.set(name, seed.length);
  const view = new DataView((await sha256(input)).buffer);
  const n = (BigInt(view.getUint32(0)) << 20n) | BigInt(view.getUint32(4) >>> 12);
  return 2n * n + 1n;
}

/** Whether entry a's key u_a^(1/w_a) is above entry b's, exactly. */
function keyAbove(a: { numerator: bigint; weight: bigint }, b: { numerator: bigint; weight: bigint }): number {
  const left = a.numerator ** b.weight << (53n * a.weight);
  const right = b.numerator ** a.weight << (53n * b.weight);
  return left === right ? 0 : left > right ? 1 : -1;
}

/**
 * The entries in draw order (keys descending). Same seed and entries (in any order), same result.
 * Throws on an entrant listed twice or a weight that is not a whole number ≥ 1.
 */
export async function drawOrder<T extends LotteryEntry>(seedHex: string, entries: readonly T[]): Promise<T[]> {
  const seed = fromHex(seedHex);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.entrant)) throw new Error(`entrant ${entry.entrant} is listed twice`);
    if (!Number.isInteger(entry.weight) || entry.weight < 1) throw new Error(`entrant ${entry.entrant} has weight ${entry.weight}`);
    seen.add(entry.entrant);
  }
  const keyed = await Promise.all(
    entries.map(async (entry) => {
      const numerator = await keyNumerator(seed, entry.entrant);
      // ln(key) = ln(u)/w as a float decides where it is far from a tie (it cannot be wrong there: Math.log is
      // within an ulp or two in every engine); close calls go to the exact comparison, so the order is exact.
      return { entry, numerator, weight: BigInt(entry.weight), approx: Math.log(Number(numerator) / 2 ** 53) / entry.weight };
    }),
  );
  keyed.sort((a, b) => {
    const apart = Math.abs(a.approx - b.approx) > 1e-9 * Math.max(-a.approx, -b.approx);
    if (apart) return a.approx > b.approx ? -1 : 1;
    return -keyAbove(a, b) || (a.entry.entrant < b.entry.entrant ? -1 : a.entry.entrant > b.entry.entrant ? 1 : 0);
  });
  return keyed.map(({ entry }) => entry);
}

export interface DrawWalk {
  /** Entrants who won, in draw order. */
  winners: string[];
  /** Entrants whose seats were left by count but whom `seat` could not place (a pair with no two seats together). */
  passedOver: string[];
}

/**
 * Walks the draw order with `seatsOffered` seats: an entry whose seats are left is offered them (`seat`
 * places it and says whether it could); one that does not fit, or cannot be placed, is passed over and
 * the next may win. Without `seat`, every entry that fits by count is placed (the verifier passes the
 * published `passedOver` instead).
 */
export function walkDraw<T extends LotteryEntry>(order: readonly T[], seatsOffered: number, seat: (entry: T) => boolean = () => true): DrawWalk {
  let left = seatsOffered;
  const winners: string[] = [];
  const passedOver: string[] = [];
  for (const entry of order) {
    if (entry.seats > left) continue;
    if (!seat(entry)) {
      passedOver.push(entry.entrant);
      continue;
    }
    winners.push(entry.entrant);
    left -= entry.seats;
  }
  return { winners, passedOver };
}
