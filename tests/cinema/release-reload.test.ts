import { describe, expect, it } from 'vitest';
import { RELEASE_RELOAD, ReleaseReload } from '../../src/cinema/release-reload';

const RELEASE = Date.parse('2026-11-30T04:00:00Z');
const middle = () => 0.5;

/** Ticks every 250 ms for `forMs`, as the page does; each reload takes `takesMs`. Returns when each started. */
function simulate(reload: ReleaseReload, from: number, forMs: number, takesMs: number): number[] {
  const started: number[] = [];
  let finishesAt: number | undefined;
  for (let now = from; now < from + forMs; now += 250) {
    if (finishesAt !== undefined && now >= finishesAt) {
      reload.finish(now);
      finishesAt = undefined;
    }
    if (reload.start(now, RELEASE)) {
      started.push(now);
      finishesAt = now + takesMs;
    }
  }
  return started;
}

describe('ReleaseReload', () => {
  it('reloads once the release has passed, spread over a few seconds so phones do not ask in step', () => {
    const early = new ReleaseReload(() => 0);
    expect(early.start(RELEASE + RELEASE_RELOAD.afterMs - 1, RELEASE)).toBe(false);
    expect(early.start(RELEASE + RELEASE_RELOAD.afterMs, RELEASE)).toBe(true);
    const late = new ReleaseReload(() => 0.999);
    expect(late.start(RELEASE + RELEASE_RELOAD.afterMs + 2_000, RELEASE)).toBe(false);
    expect(late.start(RELEASE + RELEASE_RELOAD.afterMs + RELEASE_RELOAD.spreadMs, RELEASE)).toBe(true);
  });

  it('sends one request at a time, however slow the API is', () => {
    const reload = new ReleaseReload(middle);
    const started = simulate(reload, RELEASE, 60_000, 20_000);
    for (let i = 1; i < started.length; i++) expect(started[i]! - started[i - 1]!).toBeGreaterThanOrEqual(20_000);
  });

  it('backs off while the list still shows the passed release (a device clock ahead of the server), up to a minute', () => {
    const reload = new ReleaseReload(middle);
    const started = simulate(reload, RELEASE, 10 * 60_000, 100);
    // 250 ms ticks for ten minutes would be 2,400 requests.
    expect(started.length).toBeLessThanOrEqual(15);
    const gaps = started.slice(1).map((at, i) => at - started[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(RELEASE_RELOAD.retryMs);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(RELEASE_RELOAD.maxRetryMs * 1.2 + 350);
  });

  it('jitters the back-off by ±20 %', () => {
    const gap = (random: number) => {
      const reload = new ReleaseReload(() => random);
      const [first, second] = simulate(reload, RELEASE, 60_000, 0);
      return second! - first!;
    };
    expect(gap(0)).toBeLessThan(gap(0.999));
    expect(gap(0)).toBeGreaterThanOrEqual(RELEASE_RELOAD.retryMs * 0.8);
    expect(gap(0.999)).toBeLessThanOrEqual(RELEASE_RELOAD.retryMs * 1.2 + 250);
  });

  it('starts afresh for the next release', () => {
    const reload = new ReleaseReload(() => 0);
    simulate(reload, RELEASE, 5 * 60_000, 0);
    const next = RELEASE + 3 * 86_400_000;
    expect(reload.start(next - 1_000, next)).toBe(false);
    expect(reload.start(next + RELEASE_RELOAD.afterMs, next)).toBe(true);
  });

  it('keeps the spread for the next release when the reload that brought it is still finishing', () => {
    const reload = new ReleaseReload(() => 0.999);
    expect(reload.start(RELEASE + 10_000, RELEASE)).toBe(true);
    const next = RELEASE + 3 * 86_400_000;
    // The answer names the next release; the page's clock ticks before the reload is marked finished.
    expect(reload.start(RELEASE + 10_100, next)).toBe(false);
    reload.finish(RELEASE + 10_200);
    expect(reload.start(next + RELEASE_RELOAD.afterMs, next)).toBe(false);
    expect(reload.start(next + RELEASE_RELOAD.afterMs + RELEASE_RELOAD.spreadMs, next)).toBe(true);
  });
});
