/** A countdown for people: 2天3小时, 1:02:03, 4:05. Whole seconds, rounded up so 0 means "now". */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return `${hours}:${two(minutes)}:${two(seconds)}`;
  return `${minutes}:${two(seconds)}`;
}

/** 12月2日 周三 18:30, in Asia/Shanghai, for screening times. */
export function formatShanghaiTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000);
  const weekday = '日一二三四五六'[local.getUTCDay()];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 周${weekday} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** 12月3日 12:00, in Asia/Shanghai: short enough for a button (开抢 times). */
export function formatShanghaiDayTime(iso: string): string {
  return formatShanghaiTime(iso).replace(/ 周. /, ' ');
}

/** 2026-12-03, the Shanghai calendar day of an instant: screenings are listed by it. */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 12月4日 周五, the heading of a Shanghai day (`2026-12-04`) in the screening list. */
export function formatShanghaiDay(day: string): string {
  return formatShanghaiTime(`${day}T04:00:00.000Z`).replace(/ \d\d:\d\d$/, '');
}
