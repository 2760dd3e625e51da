/**
 * When the cinema page reloads its list after a release: `afterMs` past the release plus up to
 * `spreadMs` at random (so a thousand phones do not ask in the same second), then, while the list still
 * names the passed release (the server has not reached it: this device's clock estimate runs ahead) or
 * the request failed, again after `retryMs`, doubling up to `maxRetryMs`, each ±20 %.
 */
export const RELEASE_RELOAD = { afterMs: 2_000, spreadMs: 3_000, retryMs: 5_000, maxRetryMs: 60_000 } as const;

/**
 * The page's clock ticks four times a second and asks `start` each time; at most one reload is in flight
 * (`finish` ends it, whatever its outcome). A new release time starts the schedule afresh.
 */
export class ReleaseReload {
  #releaseAt: number | undefined;
  #dueAt = 0;
  #retryMs = 0;
  /** The release the reload in flight was started for, if one is. */
  #inFlightFor: number | undefined;

  readonly #random: () => number;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  /** Whether to reload now; if so, the reload counts as in flight until `finish`. */
  start(now: number, releaseAt: number): boolean {
    if (releaseAt !== this.#releaseAt) {
      this.#releaseAt = releaseAt;
      this.#retryMs = 0;
      this.#dueAt = releaseAt + RELEASE_RELOAD.afterMs + this.#random() * RELEASE_RELOAD.spreadMs;
    }
    if (this.#inFlightFor !== undefined || now < this.#dueAt) return false;
    this.#inFlightFor = releaseAt;
    return true;
  }

  /** The reload has answered (or failed): the next one for the same release waits longer. */
  finish(now: number): void {
    const startedFor = this.#inFlightFor;
    this.#inFlightFor = undefined;
    // It brought the next release, which has its own schedule.
    if (startedFor !== this.#releaseAt) return;
    this.#retryMs = this.#retryMs === 0 ? RELEASE_RELOAD.retryMs : Math.min(RELEASE_RELOAD.maxRetryMs, this.#retryMs * 2);
    this.#dueAt = now + this.#retryMs * (0.8 + 0.4 * this.#random());
  }
}
