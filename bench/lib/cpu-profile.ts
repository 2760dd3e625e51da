/**
 * Samples the Worker's JavaScript through `wrangler dev --inspector-port` (the DevTools protocol's
 * Profiler), to see where a phase's CPU goes inside the Worker and its Durable Objects. Native work
 * (HTTP, KV, SQLite) shows as the JS frame that called it, or as "(program)".
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Profiler {
  start(): Promise<void>;
  stop(): Promise<Profile>;
  close(): void;
}

export async function connectProfiler(inspectorPort: number): Promise<Profiler> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as { webSocketDebuggerUrl: string }[];
  if (!targets[0]) throw new Error('the inspector lists no Worker');
  // wrangler's inspector proxy wants a local Origin (undici's WebSocket takes headers as an extension).
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl, { headers: { Origin: 'http://127.0.0.1' } } as any);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, (result: any) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data));
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<any>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 200 });
  return {
    start: () => send('Profiler.start'),
    stop: async () => (await send('Profiler.stop')).profile,
    close: () => socket.close(),
  };
}

/** Self time per function (name and source location), largest first, as ms per request. */
export function selfTimes(profile: Profile, requests: number, top = 15): { frame: string; msPerRequest: number; share: number }[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples?.forEach((id, i) => {
    const node = byNode.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').slice(-2).join('/');
    const frame = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    const delta = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    self.set(frame, (self.get(frame) ?? 0) + delta);
    total += delta;
  });
  return [...self]
    .filter(([frame]) => !frame.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([frame, ms]) => ({ frame, msPerRequest: Math.round((ms / requests) * 1000) / 1000, share: Math.round((ms / total) * 1000) / 10 }));
}
