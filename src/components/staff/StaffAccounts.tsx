import { useSignal } from '@preact/signals';
import { formatShanghaiTime } from '../../cinema/countdown';
import type { StaffAccount as Account } from '../../cinema/staff-account';
import { STAFF_ROLES, type StaffRole } from '../../cinema/staff-roles';
import { OneTimeSecret } from './OneTimeSecret';
import { ROLE_NAMES, StaffGate, type StaffMe } from './StaffGate';
import { staffJson } from './staff-api';
import { useStaffList } from './use-staff-list';

/** /cinema/staff/accounts/: admins list, create, re-role, disable and enable accounts, and reset passwords. */
export default function StaffAccounts() {
  return <StaffGate need="admin">{(me) => <Accounts me={me} />}</StaffGate>;
}

function Accounts({ me }: { me: StaffMe }) {
  const message = useSignal('');
  const { list: accounts, reload: load } = useStaffList<Account>('/api/staff/accounts', 'accounts', message);
  const secret = useSignal<{ label: string; value: string } | undefined>(undefined);
  const busy = useSignal(false);

  /** Sends a change; the server's refusal (staff_own_account…) is what the admin reads. */
  const act = async <T,>(path: string, init: RequestInit, done: (body: T) => string) => {
    busy.value = true;
    const answer = await staffJson<T>(path, init);
    busy.value = false;
    message.value = answer.ok ? done(answer.body) : answer.refusal.message;
    // Also after a refusal: a role picker the server refused goes back to the role the account has.
    await load();
  };

  const create = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const body = { username: String(data.get('username') ?? '').trim(), role: String(data.get('role')) };
    void act<{ account: Account; password: string }>('/api/staff/accounts', { method: 'POST', body: JSON.stringify(body) }, ({ account, password }) => {
      secret.value = { label: `账号 ${account.username} 的初始密码`, value: password };
      form.reset();
      return `已新建账号 ${account.username}（${ROLE_NAMES[account.role]}）。`;
    });
  };
  const change = (account: Account, body: { role?: StaffRole; disabled?: boolean }) =>
    act<{ account: Account }>(`/api/staff/accounts/${encodeURIComponent(account.username)}`, { method: 'PATCH', body: JSON.stringify(body) }, ({ account: changed }) =>
      body.role ? `${changed.username} 现在是${ROLE_NAMES[changed.role]}。` : `${changed.username} 已${changed.disabled ? '停用（登录和 API 令牌随之失效）' : '启用'}。`,
    );
  const reset = (account: Account) => {
    if (!confirm(`为 ${account.username} 重置密码？其已登录的设备会退出。`)) return;
    void act<{ account: Account; password: string }>(`/api/staff/accounts/${encodeURIComponent(account.username)}/password`, { method: 'POST' }, ({ password }) => {
      secret.value = { label: `账号 ${account.username} 的新密码`, value: password };
      return `已为 ${account.username} 重置密码。`;
    });
  };

  return (
    <>
      <form class="staff-panel" onSubmit={create} aria-labelledby="new-account-title">
        <h2 id="new-account-title">新建账号</h2>
        <div class="field">
          <label for="new-username">用户名</label>
          <input id="new-username" name="username" required autocomplete="off" autocapitalize="none" spellcheck={false} pattern="[a-zA-Z0-9][a-zA-Z0-9._\-]{1,31}" aria-describedby="new-username-hint" />
          <p id="new-username-hint" class="staff-status">
            2–32 位小写字母、数字或 . _ -，以字母或数字开头。密码由系统生成。
          </p>
        </div>
        <div class="field">
          <label for="new-role">角色</label>
          <select id="new-role" name="role">
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_NAMES[role]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy.value}>
          新建账号
        </button>
      </form>
      <p class="staff-message" role="status">
        {message.value}
      </p>
      {secret.value && <OneTimeSecret label={secret.value.label} secret={secret.value.value} onDone={() => (secret.value = undefined)} />}
      <h2>全部账号</h2>
      {accounts.value === undefined ? (
        <p class="staff-status">正在读取账号…</p>
      ) : (
        <ul class="staff-rows">
          {accounts.value.map((account) => {
            const own = account.username === me.username;
            return (
              <li key={account.id} class="staff-row" data-account={account.username}>
                <h3>
                  {account.username}
                  {own && '（我）'}
                </h3>
                <p class="staff-status">
                  {ROLE_NAMES[account.role]} · {account.disabled ? '已停用' : '使用中'} · 创建于 {formatShanghaiTime(account.createdAt)}
                </p>
                <div class="staff-actions">
                  <select
                    value={account.role}
                    disabled={busy.value}
                    aria-label={`${account.username} 的角色`}
                    onChange={(event) => void change(account, { role: (event.currentTarget as HTMLSelectElement).value as StaffRole })}
                  >
                    {STAFF_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_NAMES[role]}
                      </option>
                    ))}
                  </select>
                  <button type="button" class="secondary" disabled={busy.value} onClick={() => (account.disabled || confirm(`停用 ${account.username}？其登录和 API 令牌随即失效，重新启用也不会恢复令牌。`)) && void change(account, { disabled: !account.disabled })}>
                    {account.disabled ? '启用' : '停用'}
                    <span class="visually-hidden"> {account.username}</span>
                  </button>
                  <button type="button" class="secondary" disabled={busy.value} onClick={() => reset(account)}>
                    重置密码<span class="visually-hidden"> {account.username}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
