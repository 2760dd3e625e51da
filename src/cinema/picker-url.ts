/**
 * The seat picker's address: the cinema page with the screening named, `/cinema/?screening=<id>`. One
 * page holds the list and the picker, so opening a picker at noon costs no page load, and a link shared
 * in WeChat (which appends its own `from=…` parameters) opens the same picker.
 */
export const PICKER_PARAM = 'screening';

export function pickerPath(screeningId: string): string {
  return `/cinema/?${PICKER_PARAM}=${encodeURIComponent(screeningId)}`;
}

/** The screening a cinema-page address names, if any (`search` as in `location.search`). */
export function screeningInPath(search: string): string | undefined {
  const id = new URLSearchParams(search).get(PICKER_PARAM)?.trim();
  return id ? id : undefined;
}
