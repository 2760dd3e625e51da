/** A refusal from the API (or a page that did not answer as expected), kept whole for the report. */
export class StepFailure extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;

  constructor(message: string, status?: number, code?: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

interface ApiErrorBody {
  error?: { code?: string; message?: string };
}

/**
 * fetch against one site, as a phone would use it: the session cookie kept between calls, JSON in and
 * out, and any answer other than the expected status turned into a StepFailure naming the API's code.
 */
export class SiteClient {
  private cookie = '';
  readonly baseURL: string;

  constructor(baseURL: string) {
    this.baseURL = baseURL;
  }

  async request(method: string, path: string, { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {}) {
    const response = await fetch(new URL(path, this.baseURL), {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // The cookie is Secure; over plain http (wrangler dev) a browser would drop it, this client keeps it.
    const set = response.headers.getSetCookie().map((line) => line.split(';')[0]!);
    if (set.length > 0) this.cookie = set.join('; ');
    return response;
  }

  /** A JSON call that must answer `expected`; otherwise a StepFailure with the status and error code. */
  async json<T>(method: string, path: string, expected: number, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    const response = await this.request(method, path, init);
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new StepFailure(`${method} ${path} 返回的不是 JSON（HTTP ${response.status}）：${text.slice(0, 120)}`, response.status);
    }
    if (response.status !== expected) {
      const error = (parsed as ApiErrorBody).error;
      throw new StepFailure(`${method} ${path} → HTTP ${response.status} ${error?.code ?? ''} ${error?.message ?? ''}`.trim(), response.status, error?.code);
    }
    return parsed as T;
  }
}
