import { useSignal } from '@preact/signals';
import type { ApiToken } from '../../cinema/api-token';
import { formatShanghaiTime } from '../../cinema/countdown';
import { OneTimeSecret } from './OneTimeSecret';
import { StaffGate, type StaffMe } from './StaffGate';
import { staffJson } from './staff-api';
import { useStaffList } from './use-staff-list';

/** /cinema/staff/tokens/: API tokens for scripts; operators see and revoke their own, admins everyone's (the route decides). */
export default function StaffTokens() {
  return <StaffGate need="operator">{(me) => <Tokens me={me} />}</StaffGate>;
}

function Tokens({ me }: { me: StaffMe }) {
  const message = useSignal('');
  const { list: tokens, reload: load } = useStaffList<ApiToken>('/api/staff/tokens', 'tokens', message);
  const secret = useSignal<{ label: string; value: string } | undefined>(undefined);
  const busy = useSignal(false);

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    busy.value = true;
    const answer = await staffJson<ApiToken & { token: string }>('/api/staff/tokens', { method: 'POST', body: JSON.stringify({ name }) });
    busy.value = false;
    if (answer.ok) {
      secret.value = { label: `API 令牌“${answer.body.name}”`, value: answer.body.token };
      message.value = `已新建 API 令牌“${answer.body.name}”。`;
      form.reset();
    } else message.value = answer.refusal.message;
    await load();
  };
  const revoke = async (token: ApiToken) => {
    if (!confirm(`撤销 API 令牌“${token.name}”？使用它的脚本将无法再访问。`)) return;
    busy.value = true;
    const answer = await staffJson<{ token: ApiToken }>(`/api/staff/tokens/${token.id}`, { method: 'DELETE' });
    busy.value = false;
    message.value = answer.ok ? `已撤销 API 令牌“${token.name}”。` : answer.refusal.message;
    await load();
  };

  const others = me.role === 'admin';
  return (
    <>
      <form class="staff-panel" onSubmit={create} aria-labelledby="new-token-title">
        <h2 id="new-token-title">新建 API 令牌</h2>
        <p class="staff-status">给导出、清理等脚本使用；令牌以你的账号和角色行事。</p>
        <div class="field">
          <label for="new-token-name">名称（用途）</label>
          <input id="new-token-name" name="name" required maxLength={60} autocomplete="off" />
        </div>
        <button type="submit" disabled={busy.value}>
          新建令牌
        </button>
      </form>
      <p class="staff-message" role="status">
        {message.value}
      </p>
      {secret.value && <OneTimeSecret label={secret.value.label} secret={secret.value.value} onDone={() => (secret.value = undefined)} />}
      <h2>{others ? '全部 API 令牌' : '我的 API 令牌'}</h2>
      {tokens.value === undefined ? (
        <p class="staff-status">正在读取令牌…</p>
      ) : tokens.value.length === 0 ? (
        <p>还没有 API 令牌。</p>
      ) : (
        <ul class="staff-rows">
          {tokens.value.map((token) => (
            <li key={token.id} class="staff-row" data-token={token.id}>
              <h3>{token.name}</h3>
              <p class="staff-status">
                {others && `${token.username} · `}创建于 {formatShanghaiTime(token.createdAt)} · {token.lastUsedAt ? `最近使用 ${formatShanghaiTime(token.lastUsedAt)}` : '从未使用'}
                {token.revokedAt && ` · 已于 ${formatShanghaiTime(token.revokedAt)} 撤销`}
              </p>
              {!token.revokedAt && (
                <div class="staff-actions">
                  <button type="button" class="secondary" disabled={busy.value} onClick={() => void revoke(token)}>
                    撤销<span class="visually-hidden">“{token.name}”</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
