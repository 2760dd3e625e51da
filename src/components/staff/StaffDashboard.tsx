import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { conflictNotes, dashboardFigures, DASHBOARD_REFRESH_MS, type DashboardStats } from '../../cinema/console-dashboard';
import { formatShanghaiTime } from '../../cinema/countdown';
import { SignInForm } from './SignInForm';
import { StaffNav } from './StaffNav';
import { SignOutButtons } from './SignOutButtons';
import { download, staffJson, whoAmI, type StaffRole } from './staff-api';
import { useLive } from './use-live';

interface DashboardRow extends DashboardStats {
  id: string;
  film: string;
  hall: string;
  startsAt: string;
  booking?: string;
  available: number;
}

type View = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'dashboard'; now: string; rows: DashboardRow[] };

/** Where door accounts go: they check tickets in and see nothing of bookings. */
const DOOR_PAGE = '/cinema/checkin/';

/** /cinema/staff/: sign-in, then every screening on the dashboard with its numbers, refreshed while the tab is visible. */
export default function StaffDashboard() {
  const view = useSignal<View>({ kind: 'loading' });
  const message = useSignal('');
  const myRole = useSignal<StaffRole | undefined>(undefined);

  const refresh = async () => {
    const answer = await staffJson<{ now: string; screenings: DashboardRow[] }>('/api/staff/console/screenings');
    if (answer.ok) {
      view.value = { kind: 'dashboard', now: answer.body.now, rows: answer.body.screenings };
      message.value = '';
    } else if (answer.status === 401) {
      view.value = { kind: 'signed-out' };
    } else if (answer.status === 403) {
      location.assign(DOOR_PAGE);
    } else {
      message.value = `${answer.refusal.message}（数字可能不是最新的）`;
      if (view.value.kind === 'loading') view.value = { kind: 'signed-out' };
    }
  };

  useEffect(() => {
    void whoAmI().then((me) => {
      if (me?.role === 'door') location.assign(DOOR_PAGE);
      else myRole.value = me?.role;
    });
  }, []);
  // Polls only while signed in (or finding out); the sign-in form makes no requests.
  useLive(refresh, DASHBOARD_REFRESH_MS, undefined, view.value.kind !== 'signed-out');

  const onSignedIn = (role: StaffRole) => {
    if (role === 'door') location.assign(DOOR_PAGE);
    else {
      myRole.value = role;
      view.value = { kind: 'loading' };
    }
  };
  const fetchAudit = async () => {
    const refused = await download('/api/staff/audit.csv', 'audit.csv');
    message.value = refused ? `操作记录下载失败：${refused.message}` : '';
  };

  if (view.value.kind === 'loading') return <p class="staff-status">正在读取场次…</p>;
  if (view.value.kind === 'signed-out') {
    return (
      <>
        <SignInForm onSignedIn={onSignedIn} />
        {message.value && <p class="staff-message">{message.value}</p>}
      </>
    );
  }
  const { now, rows } = view.value as Extract<View, { kind: 'dashboard' }>;
  const nowMs = Date.parse(now);
  return (
    <>
      {myRole.value && <StaffNav role={myRole.value} />}
      <div class="staff-bar">
        <p class="staff-status">更新于 {formatShanghaiTime(now).slice(-5)}，页面打开时每 5 秒刷新</p>
        <div class="staff-actions">
          <button type="button" class="secondary" onClick={fetchAudit}>
            下载操作记录 CSV
          </button>
          <SignOutButtons onSignedOut={() => (view.value = { kind: 'signed-out' })} />
        </div>
      </div>
      {message.value && (
        <p class="staff-message" role="alert">
          {message.value}
        </p>
      )}
      {rows.length === 0 ? (
        <p>近期没有场次。</p>
      ) : (
        <ul class="screening-cards">
          {rows.map((row) => (
            <li key={row.id} class="screening-card">
              <h2>
                <a href={`/cinema/staff/screening/?id=${encodeURIComponent(row.id)}`}>{row.film}</a>
              </h2>
              <p class="when">
                {formatShanghaiTime(row.startsAt)} · {row.hall}
                {row.booking && ` · ${row.booking}包场`}
              </p>
              <dl class="figures">
                {dashboardFigures(row, row.startsAt, nowMs).map((figure) => (
                  <div key={figure.label}>
                    <dt>{figure.label}</dt>
                    <dd>{figure.value}</dd>
                  </div>
                ))}
              </dl>
              {row.conflicts.length > 0 && (
                <div class="conflicts" role="note">
                  <h3>同一张票被两台设备检过</h3>
                  <ul>
                    {conflictNotes(row.conflicts).map((note) => (
                      <li key={note}>{note}</li>
                    ))}
                  </ul>
                </div>
              )}
              <p class="links">
                <a href={`/cinema/staff/screening/?id=${encodeURIComponent(row.id)}`}>座位图与包场</a>
                <a href={`/cinema/staff/door-list/?id=${encodeURIComponent(row.id)}`}>打印门口名单</a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
