import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { isListedStoryReference } from './listed-story-reference.ts';

export interface PartRun {
  name: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs one `astro build` per part, `concurrency` at a time, each line of output led by its part's name
 * (but a part's complaints about the stories it keeps out of its store: listed-story-reference.ts).
 * A part that fails, or `signal` (the orchestrator interrupted), stops the others; it returns only once
 * every build it started has exited, so none is left writing into a folder about to be removed.
 */
export async function runParts(astro: string, args: readonly string[], parts: readonly PartRun[], concurrency: number, signal?: AbortSignal): Promise<void> {
  const queue = [...parts];
  const running = new Set<ChildProcess>();
  let failure: Error | undefined;
  const stop = (reason: Error) => {
    failure ??= reason;
    for (const child of running) child.kill('SIGTERM');
  };
  const interrupted = () => stop(signal!.reason instanceof Error ? signal!.reason : new Error(String(signal!.reason)));
  if (signal?.aborted) interrupted();
  signal?.addEventListener('abort', interrupted, { once: true });
  const lane = async () => {
    for (let part = queue.shift(); part && !failure; part = queue.shift()) {
      const child = spawn(process.execPath, [astro, 'build', ...args], { cwd: part.cwd, env: part.env, stdio: ['ignore', 'pipe', 'pipe'] });
      running.add(child);
      for (const stream of [child.stdout, child.stderr]) {
        const print = stream === child.stderr ? console.error : console.log;
        createInterface({ input: stream }).on('line', (line) => isListedStoryReference(line) || print(`[${part!.name}] ${line}`));
      }
      const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
      running.delete(child);
      if (code !== 0) stop(new Error(`构建分片 ${part.name} 失败（exit ${code}）：the part's output above says why`));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, parts.length) }, lane));
  } finally {
    signal?.removeEventListener('abort', interrupted);
  }
  if (failure) throw failure;
}
