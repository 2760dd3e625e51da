/**
 * The heap limit for `astro build`. Astro keeps every story's entry and compiled MDX module in its one
 * process: its JavaScript heap reached 1.05 GB at 8,000 stories and grows with the archive (BENCHMARKS.md
 * §2), so a large archive comes up against Node's default limit (~4 GiB on a 64-bit machine, less on a
 * small one) and the build dies with "JavaScript heap out of memory" although the runner has memory to
 * spare. So the build gets a limit from the memory the runner has.
 */

/** Share of the machine's memory the build's heap may take: the rest is RSS outside the heap (code,
 * buffers, the bundler's native memory) and the system's. */
const HEAP_SHARE = 0.75;
/** Never below Node's own default on a 64-bit machine with enough memory. */
const NODE_DEFAULT_HEAP_MIB = 4096;

/** The heap limit in MiB for a machine (or container) with `memoryBytes` of memory. */
export function buildHeapMiB(memoryBytes: number): number {
  return Math.max(NODE_DEFAULT_HEAP_MIB, Math.floor((memoryBytes * HEAP_SHARE) / 2 ** 20));
}

/**
 * NODE_OPTIONS for the build: `--max-old-space-size` from `memoryBytes` added to what is there, unless
 * the caller set one (a CI runner that knows better, the bench's fixed limit): theirs wins.
 */
export function buildNodeOptions(nodeOptions: string | undefined, memoryBytes: number): string {
  const current = (nodeOptions ?? '').trim();
  if (/(^|\s)--max[-_]old[-_]space[-_]size=/.test(current)) return current;
  return [current, `--max-old-space-size=${buildHeapMiB(memoryBytes)}`].filter(Boolean).join(' ');
}

/** The memory the process may use: the container's limit when there is one (cgroups), else the machine's. */
export function availableMemoryBytes(totalMemory: number, constrainedMemory: number | undefined): number {
  // Node reports no limit as 0 or as a huge number (the cgroup's "max").
  return constrainedMemory && constrainedMemory > 0 && constrainedMemory < totalMemory ? constrainedMemory : totalMemory;
}
