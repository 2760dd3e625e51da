import { describe, expect, it } from 'vitest';
import { availableMemoryBytes, buildHeapMiB, buildNodeOptions } from '../../scripts/build-heap';

const GiB = 2 ** 30;

describe("the build's heap limit (Node's default would crash astro build on a large archive)", () => {
  it('gives the build three quarters of the memory the runner has, never less than Node’s default', () => {
    expect(buildHeapMiB(16 * GiB)).toBe(12288);
    expect(buildHeapMiB(7 * GiB)).toBe(5376);
    expect(buildHeapMiB(2 * GiB)).toBe(4096);
  });

  it('adds --max-old-space-size to the NODE_OPTIONS already set, and leaves a limit set by the caller alone', () => {
    expect(buildNodeOptions(undefined, 16 * GiB)).toBe('--max-old-space-size=12288');
    expect(buildNodeOptions(' --enable-source-maps ', 16 * GiB)).toBe('--enable-source-maps --max-old-space-size=12288');
    expect(buildNodeOptions('--max-old-space-size=6000', 16 * GiB)).toBe('--max-old-space-size=6000');
    expect(buildNodeOptions('--trace-gc --max_old_space_size=6000', 16 * GiB)).toBe('--trace-gc --max_old_space_size=6000');
  });

  it("takes a container's memory limit over the machine's, and the machine's when there is no limit", () => {
    expect(availableMemoryBytes(64 * GiB, 7 * GiB)).toBe(7 * GiB);
    expect(availableMemoryBytes(16 * GiB, 0)).toBe(16 * GiB);
    expect(availableMemoryBytes(16 * GiB, 2 ** 64)).toBe(16 * GiB);
    expect(availableMemoryBytes(16 * GiB, undefined)).toBe(16 * GiB);
  });
});
