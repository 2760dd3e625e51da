import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface PartRun {
  name: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Runs one `astro build` per part, `concurrency` at a time, each line of output led by its part's name. */
export async function runParts(astro: string, args: readonly string[], parts: readonly PartRun[], concurrency: number): Promise<void> {
  const queue = [...parts];
  const running = new Set<ChildProcess>();
  let failure: Error | undefined;
  const lane = async () => {
    for (let part = queue.shift(); part && !failure; part = queue.shift()) {
      const child = spawn(process.execPath, [astro, 'build', ...args], { cwd: part.cwd, env: part.env, stdio: ['ignore', 'pipe', 'pipe'] });
      running.add(child);
      for (const stream of [child.stdout, child.stderr]) {
        const print = stream === child.stderr ? console.error : console.log;
        createInterface({ input: stream }).on('line', (line) => print(`[${part!.name}] ${line}`));
      }
      const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
      running.delete(child);
      if (code !== 0 && !failure) {
        failure = new Error(`构建分片 ${part.name} 失败（exit ${code}）：the part's output above says why`);
        for (const other of running) other.kill('SIGTERM');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, parts.length) }, lane));
  if (failure) throw failure;
}
