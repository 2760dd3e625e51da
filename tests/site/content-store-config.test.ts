import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';

// The build imports the content store as a JavaScript module. Stored as one file, it is one string
// literal of the whole archive, which V8 compiles in superlinear time (9 s at 8,000 stories, minutes at
// 30,000: BENCHMARKS.md §2); in parts of at most 1 MiB the compile stays linear.
describe("the content layer's store at archive scale", () => {
  it('is written in parts of at most 1 MiB, not one data-store.json', () => {
    const storage = config.experimental?.collectionStorage;
    expect(storage).toMatchObject({ type: 'chunked' });
    expect(typeof storage === 'object' && storage.chunkSize).toBeLessThanOrEqual(2 ** 20);
  });
});
