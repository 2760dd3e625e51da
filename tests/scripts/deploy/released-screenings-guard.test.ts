import { describe, expect, it } from 'vitest';
import { releasedScreeningsGuard } from '../../../scripts/deploy/released-screenings-guard';
import { buildManifest } from '../../../scripts/publishing/build-manifest';

// 2026-12-02 18:30 (Beijing), 118 minutes, released at noon on 30 November.
const catalogue = (...ids: string[]) =>
  JSON.stringify({
    screenings: ids.map((id) => ({ id, film: { runtimeMinutes: 118 }, startsAt: '2026-12-02T10:30:00.000Z', releaseAt: '2026-11-30T04:00:00.000Z' })),
  });
const manifest = (...ids: string[]) => buildManifest({ builtAt: new Date('2026-11-30T00:00:00Z'), commit: 'abc123', catalogueJson: catalogue(...ids) });
const now = new Date('2026-12-01T00:00:00Z');

describe('releasedScreeningsGuard (the deploy step before wrangler deploy)', () => {
  it('refuses a deploy whose catalogue lost a released, unfinished screening the live site has, naming it and the safe way', () => {
    const live = { status: 'found' as const, json: manifest('2026-12-02-1830', 'kept') };
    const verdict = releasedScreeningsGuard({ live, next: manifest('2026-12-02-1900-moved', 'kept'), now });
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain('2026-12-02-1830');
    expect(verdict.message).not.toContain('kept');
    expect(verdict.message).toContain('保留 id');
    expect(verdict.message).toContain('startsAt');
  });

  it('lets the same screenings through, moved in time under the same id', () => {
    expect(releasedScreeningsGuard({ live: { status: 'found', json: manifest('2026-12-02-1830') }, next: manifest('2026-12-02-1830'), now }).ok).toBe(true);
  });

  it('passes a first deploy (no live /build.json) and a live one from before screenings were recorded, saying so', () => {
    const first = releasedScreeningsGuard({ live: { status: 'missing' }, next: manifest(), now });
    expect(first).toMatchObject({ ok: true });
    expect(first.message).toContain('首次部署');
    const { screenings: _, ...older } = manifest('2026-12-02-1830');
    expect(releasedScreeningsGuard({ live: { status: 'found', json: older }, next: manifest(), now })).toMatchObject({ ok: true });
  });

  it('refuses when the live /build.json cannot be read or is not a build manifest: it cannot check', () => {
    expect(releasedScreeningsGuard({ live: { status: 'unreadable', reason: 'HTTP 503' }, next: manifest(), now })).toMatchObject({ ok: false });
    expect(releasedScreeningsGuard({ live: { status: 'found', json: { hello: 1 } }, next: manifest(), now })).toMatchObject({ ok: false });
  });

  it('ignores staging’s smoke screening, which every staging deploy replaces', () => {
    expect(releasedScreeningsGuard({ live: { status: 'found', json: manifest('smoke-202611300000') }, next: manifest('smoke-202612010000'), now }).ok).toBe(true);
  });
});
