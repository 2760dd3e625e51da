import { seatInDirection } from '../../cinema/seat-navigation';
import { el } from './dom';
import type { SeatMap, SeatView } from './types';

const STATUS_TEXT: Record<SeatView['status'], string> = {
  free: '空闲',
  taken: '已被领取',
  reserved: '包场预留',
  blocked: '不开放',
};

export interface SeatMapView {
  /** Redraws statuses from a fresh seat map, keeping focus and the selection where they can stay. */
  update(map: SeatMap): void;
  selected(): SeatView | undefined;
  select(seatId: string | undefined): void;
}

/**
 * The seat picker: every seat a button labelled with its row, number and status; one tab stop for the
 * whole map (roving tabindex), arrow keys, Home and End to move, Enter or Space to choose.
 */
export function mountSeatMap(container: HTMLElement, onChange: () => void): SeatMapView {
  let seats: SeatView[] = [];
  let rowOf = new Map<string, number>();
  let selectedId: string | undefined;
  let focusId: string | undefined;

  const button = (id: string) => container.querySelector<HTMLButtonElement>(`[data-seat="${id}"]`);
  const gridSeats = () => seats.map((seat) => ({ id: seat.id, row: rowOf.get(seat.id)!, x: seat.x }));

  function describe(seat: SeatView, target: HTMLButtonElement): void {
    const claimable = seat.status === 'free';
    target.className = ['seat', seat.status, seat.aisleAfter ? 'aisle-after' : '', seat.accessible ? 'accessible' : ''].join(' ').trim();
    target.setAttribute('aria-label', `${seat.label}${seat.accessible ? '，无障碍座位' : ''}，${STATUS_TEXT[seat.status]}`);
    target.setAttribute('aria-pressed', String(seat.id === selectedId));
    target.setAttribute('aria-disabled', String(!claimable));
    target.tabIndex = seat.id === focusId ? 0 : -1;
  }

  function redraw(): void {
    for (const seat of seats) describe(seat, button(seat.id)!);
  }

  function focusSeat(id: string): void {
    focusId = id;
    redraw();
    button(id)?.focus();
  }

  container.addEventListener('keydown', (event) => {
    const current = gridSeats().find((seat) => seat.id === focusId);
    if (!current) return;
    const next = seatInDirection(gridSeats(), current, event.key);
    if (next.id === current.id && !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    focusSeat(next.id);
  });

  container.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-seat]');
    if (!target) return;
    const seat = seats.find((candidate) => candidate.id === target.dataset.seat);
    focusId = seat?.id;
    if (seat?.status === 'free') selectedId = selectedId === seat.id ? undefined : seat.id;
    redraw();
    onChange();
  });

  return {
    update(map) {
      const first = seats.length === 0;
      seats = map.rows.flatMap((row) => row.seats);
      rowOf = new Map(map.rows.flatMap((row) => row.seats.map((seat) => [seat.id, row.row] as const)));
      if (selectedId && seats.find((seat) => seat.id === selectedId)?.status !== 'free') selectedId = undefined;
      if (!focusId || !rowOf.has(focusId)) focusId = (seats.find((seat) => seat.status === 'free') ?? seats[0])?.id;
      if (first) {
        container.replaceChildren(
          ...map.rows.map((row) =>
            el(
              'div',
              { class: 'row', role: 'group', 'aria-label': `第${row.row}排` },
              el('span', { class: 'row-label', 'aria-hidden': 'true' }, `${row.row}排`),
              ...row.seats.map((seat) => el('button', { type: 'button', 'data-seat': seat.id }, String(seat.number))),
            ),
          ),
        );
      }
      redraw();
      onChange();
    },
    selected: () => seats.find((seat) => seat.id === selectedId),
    select(seatId) {
      selectedId = seatId && seats.find((seat) => seat.id === seatId)?.status === 'free' ? seatId : undefined;
      if (selectedId) focusId = selectedId;
      redraw();
      onChange();
    },
  };
}
