import { releasableSeats, type Seat } from './seat-map.ts';

/**
 * The seats active tickets hold, kept in memory by a screening's object so that a claim costs the same
 * with ten tickets out or two thousand. It also counts the held seats members could take in the hall
 * as it is now: a ticket on a seat a later deploy blocked or removed still holds that seat, but it
 * must not make the screening look full.
 *
 * @example
 * const occupancy = new SeatOccupancy(hallSeats(hall), ['1-1']);
 * occupancy.add('1-2');
 * occupancy.free; // releasable seats no ticket holds
 */
export class SeatOccupancy {
  private readonly held: Set<string>;
  private releasable: ReadonlySet<string> = new Set();
  private heldReleasable = 0;

  constructor(seats: readonly Seat[] = [], held: Iterable<string> = []) {
    this.held = new Set(held);
    this.setHall(seats);
  }

  /** The seats held, for the claim decision. */
  get taken(): ReadonlySet<string> {
    return this.held;
  }

  /** Seats members could take now. */
  get free(): number {
    return this.releasable.size - this.heldReleasable;
  }

  /** Whether members may hold this seat in the hall as it is now (it exists and is not blocked). */
  isReleasable(seat: string): boolean {
    return this.releasable.has(seat);
  }

  /** Counts again against a changed hall. */
  setHall(seats: readonly Seat[]): void {
    this.releasable = new Set(releasableSeats(seats).map((seat) => seat.id));
    this.heldReleasable = [...this.held].filter((seat) => this.releasable.has(seat)).length;
  }

  /** Replaces every held seat (after loading them, or after a purge). */
  reset(held: Iterable<string>): void {
    this.held.clear();
    for (const seat of held) this.held.add(seat);
    this.heldReleasable = [...this.held].filter((seat) => this.releasable.has(seat)).length;
  }

  add(seat: string): void {
    if (this.held.has(seat)) return;
    this.held.add(seat);
    if (this.releasable.has(seat)) this.heldReleasable++;
  }

  delete(seat: string): void {
    if (!this.held.delete(seat)) return;
    if (this.releasable.has(seat)) this.heldReleasable--;
  }
}
