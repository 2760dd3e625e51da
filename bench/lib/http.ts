import { Agent, request as httpRequest } from 'node:http';

export interface Response {
  status: number;
  /** 0 when the request failed before an answer (connection error, timeout). */
  ms: number;
  json?: any;
  text: string;
  headers: Record<string, string | string[] | undefined>;
  error?: string;
}

/** A keep-alive connection pool of exactly `connections` sockets to one origin. */
export function pool(connections: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, scheduling: 'fifo' });
}

/** One HTTP/1.1 request through `agent`; never throws (an error comes back as status 0). */
export function request(
  agent: Agent,
  base: URL,
  method: string,
  path: string,
  { headers = {}, body, timeoutMs = 60_000 }: { headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
): Promise<Response> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: {
          ...(payload !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          if (String(res.headers['content-type'] ?? '').includes('json')) {
            try {
              json = JSON.parse(text);
            } catch {
              // leave undefined
            }
          }
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, json, text, headers: res.headers });
        });
        res.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, text: '', headers: {}, error: String(error) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, text: '', headers: {}, error: error.message }));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/**
 * A closed loop: `connections` workers each send the next request as soon as the previous one is
 * answered, until `count` requests were sent or `durationMs` has passed. Rate = answered / elapsed.
 */
export async function closedLoop(
  connections: number,
  send: (worker: number, index: number) => Promise<Response>,
  { count = Infinity, durationMs = Infinity }: { count?: number; durationMs?: number },
): Promise<{ responses: Response[]; elapsedMs: number }> {
  const responses: Response[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      while (next < count && performance.now() < deadline) {
        const index = next++;
        responses.push(await send(worker, index));
      }
    }),
  );
  return { responses, elapsedMs: performance.now() - started };
}

/** Status counts, e.g. { 200: 4990, 0: 10 }, and application error codes for 4xx. */
export function tally(responses: readonly Response[]): { statuses: Record<string, number>; codes: Record<string, number> } {
  const statuses: Record<string, number> = {};
  const codes: Record<string, number> = {};
  for (const r of responses) {
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const code = r.json?.error?.code ?? (r.status === 0 ? `network: ${r.error}` : undefined);
    if (code) codes[code] = (codes[code] ?? 0) + 1;
  }
  return { statuses, codes };
}
