import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runParts, type PartRun } from '../../../scripts/astro-build/run-parts';

let dir: string;
const pids = new Set<number>();
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'run-parts-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  // Whatever a failing test left running.
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  pids.clear();
  rmSync(dir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A stand-in for astro.mjs: says its pid, then builds for ever (until it is stopped). */
function endlessBuild(): string {
  const file = path.join(dir, 'endless-build.mjs');
  writeFileSync(file, "console.log(`started ${process.pid}`);\nsetInterval(() => {}, 1_000);\n");
  return file;
}

const parts = (...names: string[]): PartRun[] => names.map((name) => ({ name, cwd: dir, env: process.env }));

describe('running the parts of a build', () => {
  it('stops every running part when the orchestrator is interrupted, and returns only once they have exited', async () => {
    const started = new Map<string, number>();
    let bothStarted!: () => void;
    const ready = new Promise<void>((resolve) => (bothStarted = resolve));
    vi.spyOn(console, 'log').mockImplementation((line: string) => {
      const match = /^\[(\w+)\] started (\d+)$/.exec(line);
      if (!match) return;
      started.set(match[1]!, Number(match[2]));
      pids.add(Number(match[2]));
      if (started.size === 2) bothStarted();
    });
    const interrupt = new AbortController();
    const run = runParts(endlessBuild(), [], parts('shared', 'one', 'two'), 2, interrupt.signal);
    await ready;
    interrupt.abort(new Error('构建被 SIGINT 中断'));

    await expect(run).rejects.toThrow('构建被 SIGINT 中断');
    expect([...started.keys()].sort()).toEqual(['one', 'shared']);
    expect([...started.values()].filter(alive)).toEqual([]);
  });

  it('starts nothing when interrupted before it begins', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => {
      const pid = /started (\d+)$/.exec(line)?.[1];
      if (pid) pids.add(Number(pid));
    });
    const interrupt = new AbortController();
    interrupt.abort(new Error('构建被 SIGTERM 中断'));
    await expect(runParts(endlessBuild(), [], parts('shared', 'one'), 2, interrupt.signal)).rejects.toThrow('构建被 SIGTERM 中断');
    expect(log).not.toHaveBeenCalled();
  });

  it('leaves out a part’s complaint about a reference to a story it keeps out of its store, and prints every other line', async () => {
    const file = path.join(dir, 'referencing-build.mjs');
    const complaint = (collection: string) =>
      `05:50:51 [ERROR] [content] Invalid content reference: entry "nuanfeng-yizhan" in collection "programs" (field: stories[0]) references "shenzhen-nuanfeng-yizhan" in collection "${collection}", but that entry does not exist.`;
    writeFileSync(file, `console.error(${JSON.stringify(complaint('news'))});\nconsole.error(${JSON.stringify(complaint('honors'))});\nconsole.log('built');\n`);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
    await runParts(file, [], parts('shared', 'stories-1-of-2'), 1);
    // Sorted: a part's standard output and error are two pipes, read in either order.
    expect(lines.sort()).toEqual([
      `[shared] ${complaint('honors')}`,
      '[shared] built',
      `[stories-1-of-2] ${complaint('honors')}`,
      '[stories-1-of-2] built',
    ].sort());
  });
});
