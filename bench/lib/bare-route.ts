import type { DevServer } from './dev-server.ts';
import { address } from './demo-members.ts';
import { closedLoop, pool, request, tally } from './http.ts';
import { treeCpuMs } from './process-tree.ts';
import { latencySummary, perSecond, round } from './stats.ts';

/** A GET route in a closed loop over `connections` keep-alive connections for `durationMs`: the benches' bare baseline. */
export async function closedLoopGet(server: DevServer, connections: number, path: string, durationMs: number) {
  const agent = pool(connections);
  const cpu0 = treeCpuMs(server.pid);
  const { responses, elapsedMs } = await closedLoop(
    connections,
    (worker) => request(agent, server.base, 'GET', path, { headers: { 'CF-Connecting-IP': address(100, worker) } }),
    { durationMs },
  );
  agent.destroy();
  return {
    requests: responses.length,
    ratePerS: perSecond(responses.length, elapsedMs),
    /** CPU time of wrangler dev's processes per request: steadier than the rate on a shared machine. */
    serverCpuMs: round((treeCpuMs(server.pid) - cpu0) / responses.length, 2),
    latency: latencySummary(responses.map((r) => r.ms)),
    ...tally(responses),
  };
}
