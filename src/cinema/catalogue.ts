import type { Hall } from './hall-schema.ts';
import { closeTime, releaseTime } from './release-window.ts';
import { CINEMA_RULES, type CinemaRules } from './rules.ts';
import type { ScreeningSource } from './screening-schema.ts';

/** A screening as the Worker and the pages see it: times resolved by the release rules, hall attached. */
export interface CatalogueScreening {
  id: string;
  film: ScreeningSource['film'];
  hallId: string;
  hall: Hall;
  startsAt: string;
  releaseAt: string;
  closesAt: string;
  booking?: { union: string };
}

export interface Catalogue {
  screenings: CatalogueScreening[];
}

export interface CatalogueProblem {
  screening: string;
  message: string;
}

/**
 * Resolves screenings against halls and the release rules, soonest first. Problems (an unknown hall,
 * a release after closing) are returned, not thrown, so the build can report every one at once.
 */
export function buildCatalogue(
  halls: Record<string, Hall>,
  screenings: Record<string, ScreeningSource>,
  rules: CinemaRules = CINEMA_RULES,
): { catalogue: Catalogue; problems: CatalogueProblem[] } {
  const problems: CatalogueProblem[] = [];
  const resolved: CatalogueScreening[] = [];
  for (const [id, source] of Object.entries(screenings)) {
    const hall = halls[source.hall];
    if (!hall) {
      problems.push({ screening: id, message: `未知的影厅“${source.hall}”，可用的有：${Object.keys(halls).join('、')}` });
      continue;
    }
    const releaseAt = source.releaseAt ?? releaseTime(source.startsAt, rules);
    const closesAt = closeTime(source.startsAt, rules);
    if (releaseAt >= closesAt) {
      problems.push({ screening: id, message: `放票时间 ${releaseAt.toISOString()} 不早于停止领票时间 ${closesAt.toISOString()}` });
      continue;
    }
    resolved.push({
      id,
      film: source.film,
      hallId: source.hall,
      hall,
      startsAt: source.startsAt.toISOString(),
      releaseAt: releaseAt.toISOString(),
      closesAt: closesAt.toISOString(),
      ...(source.booking ? { booking: source.booking } : {}),
    });
  }
  resolved.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  return { catalogue: { screenings: resolved }, problems };
}
