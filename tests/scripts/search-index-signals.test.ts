import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive, writeArchive } from '../../bench/search/archive';

/** Live (not zombie) processes: pid → [ppid, command line]. */
function processes(): Map<number, [number, string]> {
  const table = new Map<number, [number, string]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      table.set(Number(name), [Number(ppid), readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ')]);
    } catch {
      // ended meanwhile
    }
  }
  return table;
}

function descendants(root: number): Map<number, string> {
  const table = processes();
  const found = new Map<number, string>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    for (const [child, [ppid, command]] of table) {
      if (ppid === pid && !found.has(child)) {
        found.set(child, command);
        stack.push(child);
      }
    }
  }
  return found;
}

const alive = (pids: number[]) => {
  const table = processes();
  return pids.filter((pid) => table.has(pid));
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'search-index-signals-'));
  writeArchive(dir, generateArchive(120));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/search-index.ts when it is stopped', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('on %s stops its shard processes (and their Pagefind) before it exits', async (signal) => {
    const cache = mkdtempSync(path.join(tmpdir(), 'search-index-cache-'));
    const indexer = spawn(process.execPath, ['scripts/search-index.ts', '--site', dir, '--cache', cache, '--shard-size', '10'], { stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => indexer.on('exit', (code, sig) => resolve({ code, signal: sig })));
    // Wait until a shard is at work: a shard process with Pagefind's own process under it.
    let shards = new Map<number, string>();
    for (let tries = 0; tries < 1200 && ![...shards.values()].some((command) => command.includes('pagefind') && !command.includes('shard.ts')); tries++) {
      await pause(50);
      shards = descendants(indexer.pid!);
    }
    expect([...shards.values()].some((command) => command.includes('shard.ts'))).toBe(true);
    indexer.kill(signal);
    const { code } = await exited;
    expect(code).toBe(128 + (signal === 'SIGTERM' ? 15 : 2));
    // Its shard processes ended before it did.
    const shardPids = [...shards].filter(([, command]) => command.includes('shard.ts')).map(([pid]) => pid);
    expect(alive(shardPids)).toEqual([]);
    // Pagefind's processes got the signal with them; give them a moment to go.
    const all = [...shards.keys()];
    for (let tries = 0; tries < 40 && alive(all).length > 0; tries++) await pause(50);
    expect(alive(all)).toEqual([]);
    rmSync(cache, { recursive: true, force: true });
  }, 120_000);
});
