import { CINEMA_RULES } from './rules.ts';
import { bestAvailableSeat, type Seat } from './seat-map.ts';

/**
 * The noon queue of a first-come screening: members who join in the minutes before a release are put in
 * a uniformly random order at the release instant and seated in that order, so arriving at 11:55:30 or
 * at 11:59:59 makes no difference and a script hammering at 12:00:00.000 gains nothing.
 *
 * Fairness is checkable by commit-reveal: the screening's object draws a 32-byte seed when the queue
 * opens and publishes SHA-256(seed) at once; after the release it publishes the seed, from which anyone
 * can recompute the order (`shuffledOrder`).
 */

const MINUTE = 60_000;

export type NoonQueueState = 'not_open' | 'open' | 'released';

/** From `noonQueueOpensMinutes` before the release (inclusive) to the release (exclusive). */
export function noonQueueState(now: number, releaseAt: number, opensMinutes: number = CINEMA_RULES.noonQueueOpensMinutes): NoonQueueState {
  if (now >= releaseAt) return 'released';
  return now >= releaseAt - opensMinutes * MINUTE ? 'open' : 'not_open';
}

export function noonQueueOpensAt(releaseAt: number, opensMinutes: number = CINEMA_RULES.noonQueueOpensMinutes): number {
  return releaseAt - opensMinutes * MINUTE;
}

const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));
const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A fresh seed: 32 random bytes, hex. */
export function newSeed(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)));
}

/** The commitment published while the queue is open: SHA-256 of the seed's 32 bytes, hex. */
export async function seedCommitment(seedHex: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', fromHex(seedHex))));
}

/**
 * A deterministic stream of 32-bit words from a seed: block i is SHA-256(seed bytes ‖ i as 4 bytes,
 * big-endian), read as eight big-endian words. Hashing is async in WebCrypto, so blocks are made as
 * they are needed.
 */
class SeedStream {
  private block = 0;
  private words: number[] = [];
  private readonly seed: Uint8Array;

  // No parameter property: Node runs this file with type stripping only (scripts/lottery-verify.ts imports it).
  constructor(seed: Uint8Array) {
    this.seed = seed;
  }

  async next(): Promise<number> {
    if (this.words.length === 0) {
      const input = new Uint8Array(this.seed.length + 4);
      input.set(this.seed);
      new DataView(input.buffer).setUint32(this.seed.length, this.block++);
      const view = new DataView(await crypto.subtle.digest('SHA-256', input));
      this.words = Array.from({ length: 8 }, (_, i) => view.getUint32(4 * (7 - i)));
    }
    return this.words.pop()!;
  }

  /** Uniform in [0, n): words at or above the largest multiple of n below 2^32 are drawn again (no modulo bias). */
  async below(n: number): Promise<number> {
    const limit = Math.floor(2 ** 32 / n) * n;
    let word: number;
    do word = await this.next();
    while (word >= limit);
    return word % n;
  }
}

/**
 * The queue's order: a Fisher–Yates shuffle (i from the last index down to 1, swap with j uniform in
 * [0, i]) of `entries` as given (join order) driven by `SeedStream`. Same seed and entries, same order.
 */
export async function shuffledOrder<T>(entries: readonly T[], seedHex: string): Promise<T[]> {
  const order = [...entries];
  const stream = new SeedStream(fromHex(seedHex));
  for (let i = order.length - 1; i > 0; i--) {
    const j = await stream.below(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export interface QueueEntry {
  memberId: string;
  preferredSeat?: string;
}

export type Allocation = { memberId: string; seat: string } | { memberId: string; seat: undefined };

/**
 * Seats the queue in its shuffled order: each member's preferred seat if still free (and one members may
 * hold), else the best available; once the hall is full, no seat (they go to the waitlist in this order).
 */
export function allocateInOrder(
  order: readonly QueueEntry[],
  hall: { seats: readonly Seat[]; bestRow: number; taken: ReadonlySet<string> },
): Allocation[] {
  const taken = new Set(hall.taken);
  const free = new Map(hall.seats.filter((seat) => !seat.blocked).map((seat) => [seat.id, seat]));
  return order.map(({ memberId, preferredSeat }) => {
    const preferred = preferredSeat !== undefined && free.has(preferredSeat) && !taken.has(preferredSeat) ? free.get(preferredSeat) : undefined;
    const seat = preferred ?? bestAvailableSeat(hall.seats, taken, hall.bestRow);
    if (seat) taken.add(seat.id);
    return { memberId, seat: seat?.id };
  });
}

/** "已排队，12:00 统一随机分配": a place has no position to show, only when the order is drawn (Asia/Shanghai). */
export function queuedMessage(releaseAtIso: string): string {
  const local = new Date(Date.parse(releaseAtIso) + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `已排队，${two(local.getUTCHours())}:${two(local.getUTCMinutes())} 统一随机分配`;
}
