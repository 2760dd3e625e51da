/** The browser side of the cinema API: JSON in, JSON out, every failure as the API's error shape. */

export interface ApiErrorBody {
  code: string;
  message: string;
  [detail: string]: unknown;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiErrorBody };

const NETWORK: ApiErrorBody = { code: 'network', message: '网络连接失败，请检查网络后重试' };
const BUSY: ApiErrorBody = { code: 'busy', message: '现在领票的人很多，服务器繁忙，请稍后再试' };

export async function api<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    return { ok: false, status: 0, error: NETWORK };
  }
  const body = (await response.json().catch(() => null)) as { error?: ApiErrorBody } | null;
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  return { ok: false, status: response.status, error: body?.error ?? BUSY };
}

export function sendJson<T>(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return api<T>(path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
