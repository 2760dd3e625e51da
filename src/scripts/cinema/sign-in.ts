import { api, sendJson } from './api';
import { byId } from './dom';

export interface SignIn {
  /** Shows the sign-in form right after `anchor` (the button that asked for it), and focuses it. */
  openAfter(anchor: Element): void;
  /** Puts the form away, back in its home at the top. */
  close(): void;
  setSignedIn(value: boolean): void;
}

/**
 * Member sign-in, in place: one form, moved next to whichever 登录后领取 asked for it (on a list card,
 * in the picker, or under 会员登录 at the top), so the member never hunts for it. `onChange` hears every
 * sign-in and sign-out.
 */
export function mountSignIn(onChange: (signedIn: boolean, message: string) => void): SignIn {
  const form = byId<HTMLFormElement>('sign-in-form');
  const message = byId('sign-in-message');
  const home = byId('sign-in-home');
  const showButton = byId<HTMLButtonElement>('show-sign-in');
  const signedInNote = byId('signed-in');

  const close = () => {
    form.hidden = true;
    message.textContent = '';
    home.after(form);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const memberNumber = String(data.get('memberNumber') ?? '').trim();
    const phoneLast4 = String(data.get('phoneLast4') ?? '').trim();
    if (!memberNumber || !/^\d{4}$/.test(phoneLast4)) {
      message.textContent = '请填写会员号和手机号后四位（4 个数字）。';
      return;
    }
    message.textContent = '正在登录…';
    const result = await sendJson('POST', '/api/session', { memberNumber, phoneLast4 });
    if (!result.ok) {
      const wait = typeof result.error.retryAfterSeconds === 'number' ? `请 ${Math.ceil(result.error.retryAfterSeconds / 60)} 分钟后再试。` : '';
      message.textContent = `${result.error.message}。${wait}`;
      return;
    }
    // Focus goes back to where the member was: the button that asked, which then says what it does next.
    const before = form.previousElementSibling;
    const asked = before?.matches('button') ? before : before?.querySelector('button');
    form.reset();
    close();
    if (asked instanceof HTMLElement && before !== home) asked.focus();
    onChange(true, '登录成功。');
  });

  // 会员登录 at the top opens the form there, or puts it away if it is already open there.
  showButton.addEventListener('click', () => (!form.hidden && form.previousElementSibling === home ? close() : openAfter(home)));

  byId('sign-out').addEventListener('click', async () => {
    const result = await api('/api/session', { method: 'DELETE' });
    // The session cookie is HttpOnly: only the server's answer ends it. Saying 已退出登录 without one would
    // hand the next person on this phone the member's tickets.
    if (!result.ok) return onChange(true, `没能退出登录：${result.error.message}。请联网后再点一次“退出登录”。`);
    onChange(false, '已退出登录。');
    showButton.focus();
  });

  function openAfter(anchor: Element): void {
    anchor.after(form);
    form.hidden = false;
    message.textContent = '';
    byId('member-number').focus();
  }

  return {
    openAfter,
    close,
    setSignedIn(value) {
      showButton.hidden = value;
      signedInNote.hidden = !value;
      if (value) close();
    },
  };
}
