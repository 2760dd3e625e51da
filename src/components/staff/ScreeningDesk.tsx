import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { DASHBOARD_REFRESH_MS } from '../../cinema/console-dashboard';
import { formatShanghaiTime } from '../../cinema/countdown';
import type { HeldSeat } from '../../cinema/seat-holders';
import { emptySelection, selectionClashes, type Selection } from '../../cinema/seat-selection';
import { unionSuggestions } from '../../cinema/union-suggestions';
import { StaffSeatMap } from './StaffSeatMap';
import { download, staffJson } from './staff-api';
import { useLive } from './use-live';

interface ScreeningView {
  now: string;
  screening: { id: string; film: string; hall: string; startsAt: string; closesAt: string; booking?: string };
  seats: HeldSeat[];
  unions: { union: string; seats: number; unused: number }[];
}

type Load = { kind: 'loading' } | { kind: 'refused'; status: number; message: string } | { kind: 'ready'; view: ScreeningView };

const screeningId = () => new URLSearchParams(location.search).get('id') ?? '';

/** /cinema/staff/screening/?id=…: one screening's seat map with holders, 包场 and releases, exports. */
export default function ScreeningDesk() {
  const id = useSignal('');
  const load = useSignal<Load>({ kind: 'loading' });
  const selection = useSignal<Selection>(emptySelection);
  const refusedSeats = useSignal<ReadonlySet<string>>(new Set());
  const union = useSignal('');
  const earlierUnions = useSignal<string[]>([]);
  const message = useSignal<{ text: string; error: boolean } | undefined>(undefined);
  const busy = useSignal(false);

  const refresh = async () => {
    if (!id.value) return;
    const answer = await staffJson<ScreeningView>(`/api/staff/console/screenings/${encodeURIComponent(id.value)}`);
    if (answer.ok) load.value = { kind: 'ready', view: answer.body };
    else if (answer.status === 403) location.assign('/cinema/checkin/');
    else if (load.value.kind !== 'ready' || answer.status === 401) load.value = { kind: 'refused', status: answer.status, message: answer.refusal.message };
  };
  useEffect(() => {
    id.value = screeningId();
    if (!id.value) load.value = { kind: 'refused', status: 404, message: '地址里没有场次，请从场次列表进入' };
    void staffJson<{ unions: string[] }>('/api/staff/console/unions').then((answer) => answer.ok && (earlierUnions.value = answer.body.unions));
  }, []);
  useLive(refresh, DASHBOARD_REFRESH_MS, id.value);

  if (load.value.kind === 'loading') return <p class="staff-status">正在读取座位…</p>;
  if (load.value.kind === 'refused') {
    return (
      <div class="staff-panel">
        <p class="staff-message" role="alert">
          {load.value.message}
        </p>
        <p>
          <a href="/cinema/staff/">{load.value.status === 401 ? '去登录' : '返回场次列表'}</a>
        </p>
      </div>
    );
  }
  const { view } = load.value;
  const { screening, seats } = view;
  const selectable = seats.map((seat) => ({ id: seat.id, row: seat.row, column: 0, free: seat.state === 'free' }));
  // Seats taken since they were selected, and those the server refused: both are shown as clashes.
  const clashes = new Set([...selectionClashes(selection.value, selectable), ...refusedSeats.value]);
  const chosen = [...selection.value.seats];
  const unionName = union.value.trim();

  const book = async (whole: boolean) => {
    if (!unionName) {
      message.value = { text: '请先填写包场单位', error: true };
      document.getElementById('booking-union')?.focus();
      return;
    }
    if (whole && !confirm(`把本场所有空闲座位都包给“${unionName}”？`)) return;
    busy.value = true;
    const answer = await staffJson<{ tickets: unknown[] }>(`/api/staff/screenings/${encodeURIComponent(screening.id)}/bookings`, {
      method: 'POST',
      body: JSON.stringify(whole ? { union: unionName } : { union: unionName, seats: chosen }),
    });
    busy.value = false;
    if (answer.ok) {
      selection.value = emptySelection;
      refusedSeats.value = new Set();
      earlierUnions.value = [...earlierUnions.value, unionName];
      message.value = { text: `已为“${unionName}”包场 ${answer.body.tickets.length} 个座位`, error: false };
    } else {
      const taken = answer.refusal.seats ?? [];
      refusedSeats.value = new Set(taken);
      const which = taken.length > 0 ? `：${taken.join('、')} 已被占用（图中标红）` : '';
      message.value = { text: `没有包场任何座位${which}。${answer.refusal.message}`, error: true };
    }
    await refresh();
  };

  const release = async (name: string) => {
    const unused = seats.filter((seat) => seat.state === 'union' && seat.holder === name && seat.code && !seat.checkedIn).map((seat) => seat.id);
    if (unused.length === 0 || !confirm(`把“${name}”未入场的 ${unused.length} 个座位放回给会员领取？`)) return;
    busy.value = true;
    const answer = await staffJson<{ released: string[] }>(`/api/staff/screenings/${encodeURIComponent(screening.id)}/bookings`, {
      method: 'DELETE',
      body: JSON.stringify({ union: name, seats: unused }),
    });
    busy.value = false;
    message.value = answer.ok
      ? { text: `已放回“${name}”的 ${answer.body.released.length} 个座位`, error: false }
      : { text: `没有放回座位：${answer.refusal.message}`, error: true };
    await refresh();
  };

  const attendance = async () => {
    const refused = await download(`/api/staff/screenings/${encodeURIComponent(screening.id)}/attendance.csv`, `attendance-${screening.id}.csv`);
    if (refused) message.value = { text: `下载失败：${refused.message}`, error: true };
  };

  return (
    <>
      <h2 class="desk-title">{screening.film}</h2>
      <p class="when">
        {formatShanghaiTime(screening.startsAt)} · {screening.hall}
        {screening.booking && ` · ${screening.booking}整场包场`}
      </p>
      <p class="staff-status">座位图每 5 秒刷新（更新于 {formatShanghaiTime(view.now).slice(-5)}）</p>

      <StaffSeatMap
        seats={seats}
        selection={selection.value}
        clashes={clashes}
        onSelect={(next) => {
          selection.value = next;
          refusedSeats.value = new Set();
        }}
      />
      <ul class="staff-legend" aria-label="图例">
        <li><span class="swatch free"></span>空闲</li>
        <li><span class="swatch selected"></span>已选</li>
        <li><span class="swatch member"></span>会员已领</li>
        <li><span class="swatch union"></span>包场</li>
        <li><span class="swatch in"></span>已入场</li>
        <li><span class="swatch blocked"></span>不开放</li>
        <li><span class="swatch clash"></span>冲突</li>
      </ul>

      <form
        class="staff-panel booking"
        aria-labelledby="booking-title"
        onSubmit={(event) => {
          event.preventDefault();
          void book(false);
        }}
      >
        <h3 id="booking-title">包场</h3>
        <div class="field">
          <label for="booking-union">包场单位</label>
          <input
            id="booking-union"
            name="union"
            list="union-suggestions"
            maxLength={60}
            autocomplete="off"
            value={union.value}
            onInput={(event) => (union.value = (event.currentTarget as HTMLInputElement).value)}
          />
          <datalist id="union-suggestions">
            {unionSuggestions(earlierUnions.value, union.value).map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
        <p class="staff-selected" aria-live="polite">
          已选 {chosen.length} 个座位{chosen.length > 0 && `：${chosen.slice(0, 12).join('、')}${chosen.length > 12 ? '…' : ''}`}
        </p>
        <div class="staff-actions">
          <button type="submit" disabled={busy.value || chosen.length === 0}>
            为所选座位包场
          </button>
          <button type="button" class="secondary" disabled={busy.value} onClick={() => void book(true)}>
            整场包场
          </button>
          <button type="button" class="secondary" disabled={chosen.length === 0} onClick={() => (selection.value = emptySelection)}>
            清除选择
          </button>
        </div>
        {message.value && (
          <p class={message.value.error ? 'staff-message error' : 'staff-message'} role="alert">
            {message.value.text}
          </p>
        )}
      </form>

      <section class="staff-panel" aria-labelledby="unions-title">
        <h3 id="unions-title">本场包场单位</h3>
        {view.unions.length === 0 ? (
          <p>本场还没有单位包场。</p>
        ) : (
          <ul class="unions">
            {view.unions.map((entry) => (
              <li key={entry.union}>
                <span>
                  {entry.union}：{entry.seats} 座，未入场 {entry.unused} 座
                </span>
                <button type="button" class="secondary" disabled={busy.value || entry.unused === 0} onClick={() => void release(entry.union)}>
                  放回未入场的座位
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="staff-panel" aria-labelledby="exports-title">
        <h3 id="exports-title">导出</h3>
        <div class="staff-actions">
          <button type="button" class="secondary" onClick={attendance}>
            下载入场记录 CSV
          </button>
          <a class="button-link" href={`/cinema/staff/door-list/?id=${encodeURIComponent(screening.id)}`}>
            打印门口名单
          </a>
        </div>
      </section>
    </>
  );
}
