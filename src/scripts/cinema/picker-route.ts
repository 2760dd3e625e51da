import { pickerPath, screeningInPath } from '../../cinema/picker-url';

interface RouteState {
  picker?: string;
  /** Where the list was scrolled when the picker opened over it. */
  scrollY?: number;
}

export interface PickerRoute {
  /** The screening the address names now, if any. */
  current(): string | undefined;
  open(screeningId: string): void;
  /** Back to the list, where it was. */
  close(): void;
}

/**
 * The picker's own address in the browser's history (src/cinema/picker-url.ts): opening it pushes an
 * entry, the back button (or 返回) pops it and the list comes back scrolled where it was. A link that
 * opens a picker directly gets the list pushed under it, so back leads to the list, not out of the site.
 */
export function mountPickerRoute(show: (screeningId: string | undefined) => void): PickerRoute {
  history.scrollRestoration = 'manual';
  const state = () => (history.state ?? {}) as RouteState;
  const direct = screeningInPath(location.search);
  // A reload (or a return from another page) of an entry this page pushed already has the list under it.
  if (direct && state().picker !== direct) {
    history.replaceState({} satisfies RouteState, '', '/cinema/');
    history.pushState({ picker: direct } satisfies RouteState, '', pickerPath(direct));
  }
  window.addEventListener('popstate', () => {
    const id = state().picker;
    show(id);
    if (!id) window.scrollTo(0, state().scrollY ?? 0);
  });
  return {
    current: () => state().picker,
    open(screeningId) {
      if (state().picker === screeningId) return show(screeningId);
      if (!state().picker) history.replaceState({ ...state(), scrollY: window.scrollY } satisfies RouteState, '');
      history.pushState({ picker: screeningId } satisfies RouteState, '', pickerPath(screeningId));
      show(screeningId);
      window.scrollTo(0, 0);
    },
    close() {
      if (state().picker) history.back();
    },
  };
}
