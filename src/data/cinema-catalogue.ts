import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalogue, CatalogueScreening } from '../cinema/catalogue';

/** The catalogue `scripts/build-catalogue.ts` wrote before this build (npm run build runs it first). */
export function builtCatalogue(): Catalogue {
  const file = path.resolve(process.env.HUIGONG_CATALOGUE ?? 'functions/generated/catalogue.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
}

/** Screenings that have not ended by `now`, soonest first. */
export function upcomingScreenings(now: Date): CatalogueScreening[] {
  return builtCatalogue().screenings.filter(
    (screening) => Date.parse(screening.startsAt) + screening.film.runtimeMinutes * 60_000 > now.getTime(),
  );
}
