import { spawn, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4;

/** pid → [ppid, rss in KiB] for every process, from /proc. */
function processTable(): Map<number, [number, number]> {
  const table = new Map<number, [number, number]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces; fields after its closing bracket are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), [Number(fields[1]), Number(fields[21]) * PAGE_KB]);
    } catch {
      // the process ended meanwhile
    }
  }
  return table;
}

/** The summed RSS (KiB) of `root` and all its descendants, and the largest single process. */
export function treeRss(root: number): { sumKiB: number; maxKiB: number } {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, [ppid]] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let sumKiB = 0;
  let maxKiB = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const rss = table.get(pid)?.[1] ?? 0;
    sumKiB += rss;
    maxKiB = Math.max(maxKiB, rss);
    stack.push(...(children.get(pid) ?? []));
  }
  return { sumKiB, maxKiB };
}

export interface Measured {
  status: number | null;
  wallMs: number;
  /** Peak of the summed RSS of the whole process tree, polled every `pollMs`. */
  peakTreeKiB: number;
  /** Peak RSS of the largest single process in the tree. */
  peakProcessKiB: number;
  output: string;
}

/**
 * Runs a command, polling its process tree's memory every `pollMs`, and stops the tree after
 * `timeoutMs` (the bench must stop by itself).
 */
export function measure(command: string, args: string[], options: SpawnOptions & { timeoutMs: number; pollMs?: number }): Promise<Measured> {
  const { timeoutMs, pollMs = 100, ...spawnOptions } = options;
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    let peakTreeKiB = 0;
    let peakProcessKiB = 0;
    const poll = () => {
      const { sumKiB, maxKiB } = treeRss(child.pid!);
      peakTreeKiB = Math.max(peakTreeKiB, sumKiB);
      peakProcessKiB = Math.max(peakProcessKiB, maxKiB);
    };
    const timer = setInterval(poll, pollMs);
    // SIGTERM first: the search index passes it on to its shard processes, which run in process groups
    // of their own (a SIGKILL to this group would leave them running); SIGKILL whatever is left.
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // already gone
      }
    };
    let hardKiller: NodeJS.Timeout | undefined;
    const killer = setTimeout(() => {
      output += `\n[bench] stopped after ${timeoutMs} ms\n`;
      signal('SIGTERM');
      hardKiller = setTimeout(() => signal('SIGKILL'), 10_000);
    }, timeoutMs);
    child.on('exit', (status) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      clearTimeout(killer);
      clearTimeout(hardKiller);
      resolve({ status, wallMs, peakTreeKiB, peakProcessKiB, output });
    });
  });
}

/** CPU time (user + system, ms) used so far by each of `root` and its running descendants, by pid. */
export function treeCpuByProcess(root: number): Map<number, { name: string; ms: number }> {
  const table = new Map<number, { ppid: number; name: string; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      table.set(Number(entry), { ppid: Number(fields[1]), name, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // ended meanwhile
    }
  }
  const tree = new Map<number, { name: string; ms: number }>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const process = table.get(pid);
    // USER_HZ is 100 on Linux.
    if (process) tree.set(pid, { name: process.name, ms: process.ticks * 10 });
    for (const [child, { ppid }] of table) if (ppid === pid) stack.push(child);
  }
  return tree;
}

/** CPU time (user + system, ms) used so far by `root` and its descendants that are still running. */
export function treeCpuMs(root: number): number {
  let ms = 0;
  for (const process of treeCpuByProcess(root).values()) ms += process.ms;
  return ms;
}

/** CPU time (ms) this process has used. */
export function selfCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
