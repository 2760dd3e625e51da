import { fitPitch, pinchPitch, seatColumns, seatGap, SEAT_PITCH, zoomStep } from '../../cinema/seat-grid';
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
  zoom(direction: 'in' | 'out'): void;
  /** Stops listening to the window (the picker closed). */
  unmount(): void;
}

/** Seats smaller than this (after their gap) hide their numbers, and a tap on one zooms in around it. */
const TAP_TARGET_PX = 24;

/**
 * The seat picker: every seat a button labelled with its row, number and status; one tab stop for the
 * whole map (roving tabindex), arrow keys, Home and End to move, Enter or Space to choose.
 * It opens with the whole hall in the width; +/- (`zoom`) and a two-finger pinch make seats bigger, the
 * map then scrolls sideways under row labels that stay put. Sizes are CSS custom properties
 * (`--pitch`, `--gap`), so layout, focus rings and scrolling stay real rather than a scaled picture.
 * `onZoom` hears whether it can zoom further in and out.
 */
export function mountSeatMap(
  container: HTMLElement,
  scroller: HTMLElement,
  onChange: () => void,
  onZoom: (can: { in: boolean; out: boolean }) => void,
): SeatMapView {
  let seats: SeatView[] = [];
  let rowOf = new Map<string, number>();
  let selectedId: string | undefined;
  let focusId: string | undefined;
  let halfColumns = 0;
  let fit = SEAT_PITCH.fitMax as number;
  let pitch = 0;
  /** The member has zoomed: a resize keeps their size rather than fitting again. */
  let zoomed = false;

  const button = (id: string) => container.querySelector<HTMLButtonElement>(`[data-seat="${id}"]`);
  const gridSeats = () => seats.map((seat) => ({ id: seat.id, row: rowOf.get(seat.id)!, x: seat.x }));
  const labelWidth = () => container.querySelector<HTMLElement>('.row-label')?.offsetWidth ?? 0;

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

  /** Sets the seat pitch, keeping the point at `anchorX` (px from the scroller's left edge) where it was. */
  function setPitch(next: number, anchorX = (scroller.clientWidth + labelWidth()) / 2): void {
    const label = labelWidth();
    const before = pitch || next;
    const contentX = scroller.scrollLeft + anchorX - label;
    pitch = next;
    container.style.setProperty('--pitch', `${pitch}px`);
    container.style.setProperty('--gap', `${seatGap(pitch)}px`);
    container.classList.toggle('compact', pitch - seatGap(pitch) < TAP_TARGET_PX);
    scroller.scrollLeft = (contentX * pitch) / before - anchorX + label;
    onZoom({ in: zoomStep(pitch, fit, 'in') > pitch, out: pitch > fit });
  }

  function refit(): void {
    fit = fitPitch(scroller.clientWidth - labelWidth(), halfColumns);
    if (!zoomed || pitch < fit) setPitch(fit);
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
    // Seats too small for a thumb: the tap also zooms in around the seat, so the next tap lands true.
    if (pitch - seatGap(pitch) < TAP_TARGET_PX && event.detail > 0) {
      const box = target.getBoundingClientRect();
      const anchor = box.left + box.width / 2 - scroller.getBoundingClientRect().left;
      zoomed = true;
      setPitch(zoomStep(pitch, fit, 'in'), anchor);
      scroller.scrollLeft += anchor - (scroller.clientWidth + labelWidth()) / 2;
    }
    onChange();
  });

  // Two fingers resize the seats, not the page: the map keeps its row labels and fits its box.
  let pinch: { distance: number; pitch: number } | undefined;
  const spread = (touches: TouchList) => Math.hypot(touches[0]!.clientX - touches[1]!.clientX, touches[0]!.clientY - touches[1]!.clientY);
  scroller.addEventListener('touchstart', (event) => {
    if (event.touches.length === 2) pinch = { distance: spread(event.touches), pitch };
  });
  scroller.addEventListener(
    'touchmove',
    (event) => {
      if (!pinch || event.touches.length !== 2) return;
      event.preventDefault();
      const middle = (event.touches[0]!.clientX + event.touches[1]!.clientX) / 2 - scroller.getBoundingClientRect().left;
      zoomed = true;
      setPitch(pinchPitch(pinch.pitch, spread(event.touches) / pinch.distance, fit), middle);
    },
    { passive: false },
  );
  scroller.addEventListener('touchend', (event) => {
    if (event.touches.length < 2) pinch = undefined;
  });
  // The scroller's width, not the window's: the map may first be drawn while hidden (a lottery puts the
  // hall away until its draw), and fits the width it gets when shown.
  const resized = new ResizeObserver(() => {
    if (halfColumns > 0 && scroller.clientWidth > 0) refit();
  });
  resized.observe(scroller);

  return {
    update(map) {
      const first = seats.length === 0;
      seats = map.rows.flatMap((row) => row.seats);
      rowOf = new Map(map.rows.flatMap((row) => row.seats.map((seat) => [seat.id, row.row] as const)));
      if (selectedId && seats.find((seat) => seat.id === selectedId)?.status !== 'free') selectedId = undefined;
      if (!focusId || !rowOf.has(focusId)) focusId = (seats.find((seat) => seat.status === 'free') ?? seats[0])?.id;
      if (first) {
        const columns = seatColumns(map.rows);
        halfColumns = columns.halfColumns;
        container.style.setProperty('--half-columns', String(halfColumns));
        container.replaceChildren(
          el('div', { class: 'screen-row', 'aria-hidden': 'true' }, el('span', { class: 'row-label' }), el('div', { class: 'screen' }, '银幕')),
          ...map.rows.map((row) =>
            el(
              'div',
              { class: 'row', role: 'group', 'aria-label': `第${row.row}排` },
              el('span', { class: 'row-label', 'aria-hidden': 'true' }, `${row.row}排`),
              ...row.seats.map((seat) => {
                const seatButton = el('button', { type: 'button', 'data-seat': seat.id }, String(seat.number));
                seatButton.style.setProperty('--column', String(columns.columnOf.get(seat.id)! + 1));
                return seatButton;
              }),
            ),
          ),
        );
        refit();
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
    zoom(direction) {
      zoomed = direction === 'in' || zoomStep(pitch, fit, 'out') > fit;
      setPitch(zoomStep(pitch, fit, direction));
    },
    unmount() {
      resized.disconnect();
    },
  };
}
