import type { StaffRole } from '../../src/cinema/staff-roles.ts';

export interface BootstrappedAccount {
  username: string;
  role: StaffRole;
  /** The API token, when one was asked for (shown once: only its hash is kept). */
  token?: string;
}

/**
 * Creates a staff account through POST /api/staff/bootstrap with the bootstrap secret (the only way in
 * before an admin exists). Throws with the API's Chinese message when refused.
 */
export async function bootstrapAccount(
  url: string,
  secret: string,
  account: { username: string; role: StaffRole; password: string; tokenName?: string },
): Promise<BootstrappedAccount> {
  const response = await fetch(new URL('/api/staff/bootstrap', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
    body: JSON.stringify(account),
  });
  const body = (await response.json().catch(() => ({}))) as BootstrappedAccount & { error?: { code: string; message: string } };
  if (response.status !== 201) {
    const why = body.error ? `${body.error.message}（${body.error.code}）` : `HTTP ${response.status}`;
    throw new Error(response.status === 404 ? `${why}：Worker 上没有设置 STAFF_BOOTSTRAP_SECRET（至少 32 位）` : why);
  }
  return body;
}
