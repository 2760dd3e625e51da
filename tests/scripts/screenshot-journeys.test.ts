import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JourneyModule } from '../../scripts/screenshots/journey';

// `npm run screenshots` loads every scripts/screenshots/*-journeys.ts: each must have the shape it expects.
const files = readdirSync('scripts/screenshots').filter((name) => name.endsWith('-journeys.ts'));

describe('screenshot journey modules', () => {
  it('include the reader journeys', () => {
    expect(files).toContain('reader-journeys.ts');
  });

  it.each(files)('%s exports journeys, and dark names only journeys it has', async (file) => {
    const module: JourneyModule = await import(`../../scripts/screenshots/${file}`);
    const names = Object.keys(module.journeys);
    expect(names.length).toBeGreaterThan(0);
    for (const journey of Object.values(module.journeys)) expect(typeof journey).toBe('function');
    expect(names).toEqual(expect.arrayContaining(module.dark ?? []));
  });
});
