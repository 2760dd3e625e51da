import { formatCountdown, formatShanghaiDay as dayHeading, formatShanghaiTime } from '../../cinema/countdown';
import { CINEMA_RULES_PATH, lotteryLine } from '../../cinema/lottery-view';
import { pickerPath } from '../../cinema/picker-url';
import type { ScreeningAction } from '../../cinema/screening-action';
import { screeningGroups, type ScreeningDay } from '../../cinema/screening-groups';
import { drawAction } from './action-button';
import { actionFor, windowState, type CinemaState, type WindowState } from './cinema-state';
import { byId, el } from './dom';
import type { Screening } from './types';

export interface ScreeningListView {
  /** Redraws the list when what it shows has changed (groups, buttons), else only its live numbers. */
  render(state: CinemaState, now: number): void;
}

export interface ListHandlers {
  /** A card's button was tapped. */
  act(screening: Screening, action: ScreeningAction, button: HTMLButtonElement): void;
  /** A card's title was followed: its picker. */
  openPicker(screening: Screening): void;
}

/** The live line under a card's title: seats left, or the countdown to its release. */
function stateLine(screening: Screening, now: number, state: CinemaState): string {
  const window = windowState(screening, now);
  if (window === 'booked') return `包场：${screening.booking?.union ?? ''}`;
  if (window === 'closed') return '已停止领票';
  const lottery = lotteryStateLine(screening, now, state);
  if (lottery) return lottery;
  return firstComeLine(screening, now, window);
}

/** A lottery's line until its result is known; after the draw, a member who did not enter reads the seats left. */
function lotteryStateLine(screening: Screening, now: number, state: CinemaState): string | undefined {
  if (screening.allocation !== 'lottery' || !screening.drawAt) return undefined;
  if (now < Date.parse(screening.releaseAt)) return `抽签 · 报名 ${formatShanghaiTime(screening.releaseAt)} 开始 · ${formatShanghaiTime(screening.drawAt)} 抽签`;
  const status = state.lotteries.get(screening.id);
  if (now < Date.parse(screening.drawAt) || status?.entry || status?.outcome) return lotteryLine(screening.drawAt, status, now);
  return undefined;
}

function firstComeLine(screening: Screening, now: number, state: WindowState): string {
  const seats = `剩余 ${screening.available} / ${screening.capacity} 座`;
  if (state === 'not_open') return `距放票 ${formatCountdown(Date.parse(screening.releaseAt) - now)} · ${screening.capacity} 座`;
  return screening.available > 0 ? `正在放票 · ${seats}` : '座位已领完，可加入候补';
}

/**
 * The list (its markup as src/components/ScreeningItem.astro writes it without scripts): 正在放票 first,
 * with each open screening's button; 下次放票 and its countdown only when nothing is open; then the
 * coming two weeks by day, the rest folded.
 */
export function mountScreeningList(handlers: ListHandlers): ScreeningListView {
  const openSection = byId('open-now');
  const openList = byId('open-list');
  const releaseSection = byId('next-release-section');
  const days = byId('screening-days');
  let shownSignature = '';

  function card(screening: Screening, action: ScreeningAction, heading: 'h3' | 'h4'): HTMLElement {
    const title = el(heading, { id: `title-${screening.id}` });
    if (screening.booking) title.append(screening.film.title);
    else {
      const link = el('a', { href: pickerPath(screening.id) }, screening.film.title);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        handlers.openPicker(screening);
      });
      title.append(link);
    }
    const item = el(
      'li',
      { class: 'screening', 'data-id': screening.id },
      title,
      el('p', { class: 'synopsis' }, screening.film.synopsis),
      el('p', { class: 'when' }, `${formatShanghaiTime(screening.startsAt)} · ${screening.hall.venue} ${screening.hall.name} · ${screening.film.runtimeMinutes} 分钟`),
      el('p', { class: 'state' }),
    );
    if (screening.allocation === 'lottery') item.append(el('p', { class: 'rules-link' }, el('a', { href: `${CINEMA_RULES_PATH}#lottery` }, '抽签规则')));
    const button = el('button', { type: 'button', class: 'action', 'aria-describedby': `title-${screening.id}` });
    drawAction(button, action, true);
    button.addEventListener('click', () => handlers.act(screening, action, button));
    item.append(el('div', { class: 'card-action' }, button));
    return item;
  }

  function dayGroup(group: ScreeningDay<Screening>, actions: Map<string, ScreeningAction>): HTMLElement {
    return el(
      'section',
      { class: 'day', 'aria-label': dayHeading(group.day) },
      el('h3', { class: 'day-title' }, dayHeading(group.day)),
      el('ol', { class: 'screenings' }, ...group.screenings.map((screening) => card(screening, actions.get(screening.id)!, 'h4'))),
    );
  }

  function redraw(state: CinemaState, now: number, actions: Map<string, ScreeningAction>): void {
    const groups = screeningGroups(state.screenings, now);
    const focusedId = (document.activeElement?.closest('.screening') as HTMLElement | null)?.dataset.id;
    const folded = days.querySelector('details');
    const unfolded = folded?.open ?? false;
    openList.replaceChildren(...groups.open.map((screening) => card(screening, actions.get(screening.id)!, 'h3')));
    openSection.hidden = groups.open.length === 0;
    releaseSection.hidden = groups.open.length > 0;
    const parts: HTMLElement[] = groups.soon.map((group) => dayGroup(group, actions));
    if (groups.later.length > 0) {
      const count = groups.later.reduce((sum, group) => sum + group.screenings.length, 0);
      const details = el('details', {}, el('summary', {}, `两周以后的场次（${count} 场）`), ...groups.later.map((group) => dayGroup(group, actions)));
      details.open = unfolded;
      parts.push(details);
    }
    if (groups.closed.length > 0) {
      parts.push(
        el('section', { class: 'day' }, el('h3', { class: 'day-title' }, '已停止领票'), el('ol', { class: 'screenings' }, ...groups.closed.map((s) => card(s, actions.get(s.id)!, 'h4')))),
      );
    }
    if (state.screenings.length === 0) parts.push(el('p', {}, '近期没有排片。'));
    days.replaceChildren(...parts);
    if (focusedId) document.querySelector<HTMLElement>(`.screening[data-id="${focusedId}"] .action`)?.focus();
  }

  return {
    render(state, now) {
      const actions = new Map(state.screenings.map((screening) => [screening.id, actionFor(state, screening, now, 'list')]));
      const groups = screeningGroups(state.screenings, now);
      const signature = JSON.stringify([groups.open.map((s) => s.id), groups.closed.map((s) => s.id), [...actions]]);
      if (signature !== shownSignature) {
        shownSignature = signature;
        redraw(state, now, actions);
      }
      for (const screening of state.screenings) {
        for (const line of document.querySelectorAll(`.screening[data-id="${screening.id}"] .state`)) {
          const text = stateLine(screening, now, state);
          if (line.textContent !== text) line.textContent = text;
        }
      }
    },
  };
}
