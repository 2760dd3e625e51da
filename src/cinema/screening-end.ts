/** When a screening is over: its start plus the film's runtime (ms since the epoch). */
export function screeningEndsAt(screening: { startsAt: string; film: { runtimeMinutes: number } }): number {
  return Date.parse(screening.startsAt) + screening.film.runtimeMinutes * 60_000;
}
