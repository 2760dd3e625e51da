import type { StaffRole } from '../../cinema/staff-roles';

/**
 * The console's one way to the staff API, signed in by the staff session cookie (POST /api/staff/session,
 * HttpOnly: no script here ever holds a credential). Every refusal is the server's: hiding a control is a
 * convenience, never the guard.
 */

export interface ApiRefusal {
  code: string;
  message: string;
  seats?: string[];
}

export type ApiAnswer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; refusal: ApiRefusal };

function headers(init: RequestInit): Headers {
  const given = new Headers(init.headers);
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

export type { StaffRole };

/** Who is signed in, or undefined. */
export async function whoAmI(): Promise<{ username: string; role: StaffRole } | undefined> {
  const answer = await staffJson<{ username: string; role: StaffRole }>('/api/staff/me');
  return answer.ok ? answer.body : undefined;
}

export async function signOut(): Promise<void> {
  await staffFetch('/api/staff/session', { method: 'DELETE' }).catch(() => undefined);
}

/** Ends every session of the account (a phone lost, a shared computer left signed in); API tokens stay. */
export async function signOutEverywhere(): Promise<void> {
  await staffFetch('/api/staff/session/everywhere', { method: 'POST' }).catch(() => undefined);
  await signOut();
}

/** Downloads a staff-only file, saying why here if it is refused (a plain link would open the JSON refusal instead). */
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
