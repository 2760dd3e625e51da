import { describe, expect, it } from 'vitest';
import { buildManifest, catalogueHash } from '../../../scripts/publishing/build-manifest';
import { whatIsDue } from '../../../scripts/publishing/due';

const catalogue = '{"screenings":[]}';
const deployed = buildManifest({ builtAt: new Date('2026-12-01T04:00:00Z'), commit: 'abc123', catalogueJson: catalogue });
const story = (id: string, publishAt: string, draft = false) => ({ id, publishAt: new Date(publishAt), draft });
const now = new Date('2026-12-01T04:15:00Z');

describe('whatIsDue', () => {
  it('skips when no story came due since the deployed build and the catalogue is the same', () => {
    const stories = [story('old.mdx', '2026-11-30T00:00:00Z'), story('later.mdx', '2026-12-02T00:00:00Z')];
    expect(whatIsDue({ deployed, freshCatalogueHash: catalogueHash(catalogue), stories, now })).toEqual({ due: false, reasons: [] });
  });

  it('builds when a story’s publishAt passed after the deployed build', () => {
    const decision = whatIsDue({ deployed, freshCatalogueHash: catalogueHash(catalogue), stories: [story('noon.mdx', '2026-12-01T04:10:00Z')], now });
    expect(decision).toEqual({ due: true, reasons: ['稿件 noon.mdx 定于 2026-12-01T04:10:00.000Z 发布'] });
  });

  it('does not build for a draft, however its time has come', () => {
    const decision = whatIsDue({ deployed, freshCatalogueHash: catalogueHash(catalogue), stories: [story('draft.mdx', '2026-12-01T04:10:00Z', true)], now });
    expect(decision.due).toBe(false);
  });

  it('builds when the cinema catalogue changed', () => {
    const decision = whatIsDue({ deployed, freshCatalogueHash: catalogueHash('{"screenings":[1]}'), stories: [], now });
    expect(decision).toEqual({ due: true, reasons: ['影院排片有变化'] });
  });

  it('builds when the deployed site has no manifest to compare', () => {
    expect(whatIsDue({ deployed: undefined, freshCatalogueHash: 'x', stories: [], now }).due).toBe(true);
  });
});

describe('buildManifest', () => {
  it('records the build time, the commit and a hash that changes with the catalogue', () => {
    expect(deployed).toEqual({ builtAt: '2026-12-01T04:00:00.000Z', commit: 'abc123', catalogueHash: catalogueHash(catalogue), screenings: [] });
    expect(catalogueHash(catalogue)).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(catalogueHash(`${catalogue} `)).not.toBe(catalogueHash(catalogue));
  });
});

describe('buildManifest’s screenings', () => {
  it('records each screening’s id, release time and end (start + runtime), nothing else', () => {
    const json = JSON.stringify({
      screenings: [{ id: 'a', film: { title: '片', synopsis: '简介', runtimeMinutes: 90 }, hall: {}, startsAt: '2026-12-02T10:30:00.000Z', releaseAt: '2026-11-30T04:00:00.000Z', closesAt: '2026-12-02T10:00:00.000Z' }],
    });
    expect(buildManifest({ builtAt: new Date('2026-12-01T04:00:00Z'), commit: 'abc', catalogueJson: json }).screenings).toEqual([
      { id: 'a', releaseAt: '2026-11-30T04:00:00.000Z', endsAt: '2026-12-02T12:00:00.000Z' },
    ]);
  });
});
