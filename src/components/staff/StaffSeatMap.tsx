import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { HeldSeat } from '../../cinema/seat-holders';
import { seatColumns } from '../../cinema/seat-grid';
import { seatLabel } from '../../cinema/seat-map';
import { seatInDirection } from '../../cinema/seat-navigation';
import { selectRectangle, selectRun, toggleSeat, type SelectableSeat, type Selection } from '../../cinema/seat-selection';

const STATE_TEXT: Record<HeldSeat['state'], string> = { free: '空闲', blocked: '不开放', member: '会员已领', union: '包场' };

/** What a screen reader says for a seat: where, its state and holder, and whether it is selected or clashes. */
function describe(seat: HeldSeat, clash: boolean): string {
  const parts = [seatLabel(seat)];
  if (seat.accessible) parts.push('无障碍座位');
  parts.push(seat.holder ? `${STATE_TEXT[seat.state]}：${seat.holder}` : STATE_TEXT[seat.state]);
  if (seat.checkedIn) parts.push('已入场');
  if (clash) parts.push('冲突：已被占用');
  return parts.join('，');
}

interface Props {
  seats: readonly HeldSeat[];
  selection: Selection;
  clashes: ReadonlySet<string>;
  onSelect: (selection: Selection) => void;
}

/**
 * The staff seat map: every seat with its holder. Click selects a free seat, shift-click the run from the
 * last one, a drag the rectangle between two seats; arrow keys move, Enter or Space select (with Shift, a run).
 * Seats are laid out as on the members' map (src/cinema/seat-grid.ts), at least 24 px.
 */
export function StaffSeatMap({ seats, selection, clashes, onSelect }: Props) {
  const layout = useMemo(() => {
    const rows = [...new Set(seats.map((seat) => seat.row))].sort((a, b) => a - b).map((row) => ({ row, seats: seats.filter((seat) => seat.row === row) }));
    const { halfColumns, columnOf } = seatColumns(rows);
    const selectable: SelectableSeat[] = seats.map((seat) => ({ id: seat.id, row: seat.row, column: columnOf.get(seat.id)!, free: seat.state === 'free' }));
    return { rows, halfColumns, columnOf, selectable, byId: new Map(selectable.map((seat) => [seat.id, seat])) };
  }, [seats]);
  const focusId = useSignal<string | undefined>(undefined);
  const drag = useSignal<{ from: string; to: string } | undefined>(undefined);
  const focused = focusId.value && layout.byId.has(focusId.value) ? focusId.value : (layout.selectable.find((seat) => seat.free) ?? layout.selectable[0])?.id;

  const choose = (id: string, shift: boolean) => {
    const seat = layout.byId.get(id);
    if (!seat) return;
    focusId.value = id;
    onSelect(shift ? selectRun(selection, layout.selectable, seat) : toggleSeat(selection, seat));
  };
  const seatAt = (x: number, y: number) => (document.elementFromPoint(x, y) as HTMLElement | null)?.closest<HTMLElement>('[data-seat]')?.dataset.seat;
  const inDrag = (id: string) => {
    if (!drag.value || drag.value.from === drag.value.to) return false;
    const [a, b, seat] = [layout.byId.get(drag.value.from)!, layout.byId.get(drag.value.to)!, layout.byId.get(id)!];
    const within = (value: number, one: number, two: number) => value >= Math.min(one, two) && value <= Math.max(one, two);
    return seat.free && within(seat.row, a.row, b.row) && within(seat.column, a.column, b.column);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const current = seats.find((seat) => seat.id === focused);
    if (!current) return;
    const next = seatInDirection(seats, current, event.key);
    if (next.id === current.id) return;
    event.preventDefault();
    focusId.value = next.id;
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-seat="${next.id}"]`)?.focus();
  };

  return (
    <div
      class="staff-seat-map"
      role="group"
      aria-label="座位图：方向键移动，回车或空格选择，按住 Shift 选一段，拖动框选"
      style={{ '--half-columns': layout.halfColumns }}
      onKeyDown={onKeyDown}
      onPointerMove={(event) => {
        if (!drag.value) return;
        const id = seatAt(event.clientX, event.clientY);
        if (id && id !== drag.value.to) drag.value = { ...drag.value, to: id };
      }}
      onPointerUp={() => {
        const done = drag.value;
        drag.value = undefined;
        if (done && done.from !== done.to) onSelect(selectRectangle(selection, layout.selectable, layout.byId.get(done.from)!, layout.byId.get(done.to)!));
      }}
      onPointerLeave={() => (drag.value = undefined)}
    >
      <div class="screen-row" aria-hidden="true">
        <div class="screen">银幕</div>
      </div>
      {layout.rows.map(({ row, seats: rowSeats }) => (
        <div key={row} class="row" role="group" aria-label={`第${row}排`}>
          <span class="row-label" aria-hidden="true">
            {row}排
          </span>
          {rowSeats.map((seat) => {
            const selected = selection.seats.has(seat.id);
            const clash = clashes.has(seat.id);
            // Grid column 1 holds the row label, so seats start at 2.
            const column = layout.columnOf.get(seat.id)! + 1;
            const classes = ['seat', seat.state, seat.accessible && 'accessible', seat.checkedIn && 'in', clash && 'clash', inDrag(seat.id) && 'dragging'];
            return (
              <button
                key={seat.id}
                type="button"
                data-seat={seat.id}
                class={classes.filter(Boolean).join(' ')}
                style={{ gridColumn: `${column} / span 2` }}
                aria-label={describe(seat, clash)}
                aria-pressed={seat.state === 'free' ? selected : undefined}
                aria-disabled={seat.state !== 'free'}
                title={seat.holder}
                tabIndex={seat.id === focused ? 0 : -1}
                onPointerDown={(event) => {
                  if (event.button === 0 && seat.state === 'free') drag.value = { from: seat.id, to: seat.id };
                }}
                onClick={(event) => choose(seat.id, event.shiftKey)}
              >
                {seat.number}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
