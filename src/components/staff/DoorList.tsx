import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatShanghaiTime } from '../../cinema/countdown';
import type { HeldSeat } from '../../cinema/seat-holders';
import { formatTicketCode } from '../../cinema/ticket-code';
import { staffJson } from './staff-api';

interface ScreeningView {
  now: string;
  screening: { id: string; film: string; hall: string; startsAt: string };
  seats: HeldSeat[];
}

/** /cinema/staff/door-list/?id=…: every ticket of a screening on paper (票号, 座位, 持票人/单位), for when every device fails. */
export default function DoorList() {
  const view = useSignal<ScreeningView | undefined>(undefined);
  const message = useSignal('正在读取名单…');
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('id') ?? '';
    void staffJson<ScreeningView>(`/api/staff/console/screenings/${encodeURIComponent(id)}`).then((answer) => {
      if (answer.ok) view.value = answer.body;
      else message.value = answer.refusal.message;
    });
  }, []);
  if (!view.value) {
    return (
      <p class="staff-status" role="status">
        {message.value} <a href="/cinema/staff/">返回场次列表</a>
      </p>
    );
  }
  const { screening, seats, now } = view.value;
  // In 票号 order: the door finds the code a holder shows.
  const held = seats.filter((seat) => seat.code).sort((a, b) => a.code!.localeCompare(b.code!));
  return (
    <>
      <h2 class="desk-title">
        {screening.film} · {formatShanghaiTime(screening.startsAt)} · {screening.hall}
      </h2>
      <p class="staff-status">
        共 {held.length} 张票，打印于 {formatShanghaiTime(now)}。入场时在“入场”一栏打勾。
      </p>
      <p class="no-print">
        <button type="button" onClick={() => print()}>
          打印
        </button>
      </p>
      <table class="door-list">
        <thead>
          <tr>
            <th scope="col">票号</th>
            <th scope="col">座位</th>
            <th scope="col">持票人/单位</th>
            <th scope="col">入场</th>
          </tr>
        </thead>
        <tbody>
          {held.map((seat) => (
            <tr key={seat.id}>
              <td class="code">{formatTicketCode(seat.code!)}</td>
              <td>
                {seat.row}排{seat.number}号
              </td>
              <td>{seat.holder}</td>
              <td>{seat.checkedIn ? '已入场' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
