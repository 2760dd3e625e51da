/**
 * The console's one way to the staff API. Staff sign in with the session cookie (POST /api/staff/session);
 * a bearer token kept in this tab by the check-in page (/cinema/checkin/) is sent too while scripts and the
 * door still use tokens. Every refusal is the server's: hiding a control is a convenience, never the guard.
 */
const TOKEN_KEY = 'huigong-staff-token';

export interface ApiRefusal {
  code: string;
  message: string;
  seats?: string[];
}

export type ApiAnswer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; refusal: ApiRefusal };

function headers(init: RequestInit): Headers {
  const given = new Headers(init.headers);
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token && !given.has('Authorization')) given.set('Authorization', `Bearer ${token}`);
  if (init.body && !given.has('Content-Type')) given.set('Content-Type', 'application/json');
  return given;
}

export async function staffFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(path, { ...init, credentials: 'same-origin', headers: headers(init) });
}

/** A JSON call; a refusal, a network failure or an unreadable answer comes back as a refusal to show. */
export async function staffJson<T>(path: string, init: RequestInit = {}): Promise<ApiAnswer<T>> {
  try {
    const response = await staffFetch(path, init);
    const body = await response.json().catch(() => undefined);
    if (response.ok && body !== undefined) return { ok: true, status: response.status, body: body as T };
    const refusal = (body as { error?: ApiRefusal } | undefined)?.error;
    return { ok: false, status: response.status, refusal: refusal ?? { code: 'unreadable', message: `服务器的回答无法读取（${response.status}）` } };
  } catch {
    return { ok: false, status: 0, refusal: { code: 'network', message: '连不上服务器，请检查网络后重试' } };
  }
}

/** Signs in with a username and password; the session cookie comes back with the answer. */
export function signIn(username: string, password: string) {
  return staffJson<{ username: string; role: StaffRole }>('/api/staff/session', { method: 'POST', body: JSON.stringify({ username, password }) });
}

export type StaffRole = 'door' | 'operator' | 'admin';

/** Who is signed in, or undefined (not signed in, or a server without accounts yet: then the token decides). */
export async function whoAmI(): Promise<{ username: string; role: StaffRole } | undefined> {
  const answer = await staffJson<{ username: string; role: StaffRole }>('/api/staff/me');
  return answer.ok ? answer.body : undefined;
}

export async function signOut(): Promise<void> {
  sessionStorage.removeItem(TOKEN_KEY);
  await staffFetch('/api/staff/session', { method: 'DELETE' }).catch(() => undefined);
}

/** Downloads a file the API serves to staff only (a plain link would not carry a token). */
export async function download(path: string, filename: string): Promise<ApiRefusal | undefined> {
  try {
    const response = await staffFetch(path);
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as { error?: ApiRefusal } | undefined;
      return body?.error ?? { code: 'unreadable', message: `下载失败（${response.status}）` };
    }
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return undefined;
  } catch {
    return { code: 'network', message: '连不上服务器，请检查网络后重试' };
  }
}
