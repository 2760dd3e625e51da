import { execFileSync } from 'node:child_process';
import { cpus, totalmem, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';

/** What the figures were measured on: these machines are shared, so note it with every result. */
export function machine() {
  const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  let wrangler = 'unknown';
  try {
    wrangler = execFileSync('npx', ['wrangler', '--version'], { encoding: 'utf8' }).trim().split('\n').pop() ?? 'unknown';
  } catch {
    // not needed by every bench
  }
  return {
    nproc: cpus().length,
    cpu: model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    wrangler,
    loadavg: loadavg().map((x) => Math.round(x * 100) / 100),
    date: new Date().toISOString(),
  };
}

function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3]! + (fields[4] ?? 0);
  const total = fields.reduce((sum, n) => sum + n, 0);
  return { busy: total - idle, total };
}

/** The share of all cores busy over `ms` (0–1), from /proc/stat. */
export async function cpuBusy(ms = 2_000): Promise<number> {
  const a = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = cpuTimes();
  return (b.busy - a.busy) / Math.max(1, b.total - a.total);
}

/**
 * These machines are shared: before a measurement, wait (at most `maxWaitMs`) until the other
 * users leave at most `maxBusy` of the CPU, and return what it was when we went ahead.
 */
export async function waitForQuiet({ maxBusy = 0.25, maxWaitMs = 90_000 } = {}): Promise<{ busy: number; waitedS: number }> {
  const started = Date.now();
  let busy = await cpuBusy();
  while (busy > maxBusy && Date.now() - started < maxWaitMs) busy = await cpuBusy();
  return { busy: Math.round(busy * 100) / 100, waitedS: Math.round((Date.now() - started) / 1000) };
}
