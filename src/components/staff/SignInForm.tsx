import { useSignal } from '@preact/signals';
import { signIn, type StaffRole } from './staff-api';

/** Username and password → the staff session cookie. */
export function SignInForm({ onSignedIn }: { onSignedIn: (role: StaffRole) => void }) {
  const message = useSignal('');
  const busy = useSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    busy.value = true;
    const answer = await signIn(String(form.get('username') ?? '').trim(), String(form.get('password') ?? ''));
    busy.value = false;
    if (answer.ok) onSignedIn(answer.body.role);
    else message.value = answer.refusal.message;
  };
  return (
    <form class="staff-panel sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">工作人员登录</h2>
      <div class="field">
        <label for="staff-username">用户名</label>
        <input id="staff-username" name="username" autocomplete="username" autocapitalize="none" spellcheck={false} required />
      </div>
      <div class="field">
        <label for="staff-password">密码</label>
        <input id="staff-password" name="password" type="password" autocomplete="current-password" required />
      </div>
      <p class="staff-message" role="alert">
        {message.value}
      </p>
      <button type="submit" disabled={busy.value}>
        {busy.value ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
