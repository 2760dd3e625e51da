import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { roleAtLeast } from '../../cinema/staff-roles';
import { SignInForm } from './SignInForm';
import { StaffNav } from './StaffNav';
import { SignOutButtons } from './SignOutButtons';
import { whoAmI, type StaffRole } from './staff-api';

export interface StaffMe {
  username: string;
  role: StaffRole;
}

/** Where door accounts go: they check tickets in and see nothing else of the console. */
export const DOOR_PAGE = '/cinema/checkin/';

const NEEDS: Record<StaffRole, string> = { door: '', operator: '只有运营人员和管理员可以打开本页。', admin: '只有管理员可以打开本页。' };

type Gate = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'too-low'; me: StaffMe } | { kind: 'in'; me: StaffMe };

/**
 * The console views' way in: the sign-in form when nobody is signed in, a door account sent to the door page,
 * a role below `need` told so. Only a convenience: each route refuses a role too low on its own.
 */
export function StaffGate({ need, children }: { need: 'operator' | 'admin'; children: (me: StaffMe) => ComponentChildren }) {
  const gate = useSignal<Gate>({ kind: 'loading' });
  const enter = (me: StaffMe | undefined) => {
    if (!me) gate.value = { kind: 'signed-out' };
    else if (me.role === 'door') location.assign(DOOR_PAGE);
    else gate.value = roleAtLeast(me.role, need) ? { kind: 'in', me } : { kind: 'too-low', me };
  };
  useEffect(() => void whoAmI().then(enter), []);

  const view = gate.value;
  if (view.kind === 'loading') return <p class="staff-status">正在确认登录…</p>;
  if (view.kind === 'signed-out') return <SignInForm onSignedIn={() => void whoAmI().then(enter)} />;
  return (
    <>
      <StaffNav role={view.me.role} />
      <div class="staff-bar">
        <p class="staff-status">
          已登录：{view.me.username}（{ROLE_NAMES[view.me.role]}）
        </p>
        <div class="staff-actions">
          <SignOutButtons onSignedOut={() => (gate.value = { kind: 'signed-out' })} />
        </div>
      </div>
      {view.kind === 'too-low' ? (
        <p class="staff-message error" role="alert">
          {NEEDS[need]}
          <a href="/cinema/staff/">回到影院后台</a>
        </p>
      ) : (
        children(view.me)
      )}
    </>
  );
}

export const ROLE_NAMES: Record<StaffRole, string> = { door: '检票员', operator: '运营人员', admin: '管理员' };
