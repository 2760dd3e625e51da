const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A key figure's time for display: an ISO day (the story's date, used when the text gives none) reads
 * 2023年9月14日; anything else is the story's own wording (截至8月30日) and stays as printed.
 */
export function formatFigureDate(date: string): string {
  const match = ISO_DAY.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  return `${Number(year)}年${Number(month)}月${Number(day)}日`;
}

/** Whether the date is the story's publication date rather than a phrase quoted from it. */
export function isIsoDay(date: string): boolean {
  return ISO_DAY.test(date);
}
