import type { Catalogue, CatalogueScreening } from '../src/cinema/catalogue.ts';
// An alias (wrangler.toml [alias], tests/vitest.config.ts) so a test server can serve another catalogue.
import generated from 'huigong-catalogue';
import { refusal } from './refusals.ts';

export type { Catalogue, CatalogueScreening };

/** The catalogue `npm run build` generates from content/halls and content/screenings. */
export const builtCatalogue = generated as Catalogue;

export function findScreening(catalogue: Catalogue, id: string): CatalogueScreening {
  const screening = catalogue.screenings.find((candidate) => candidate.id === id);
  if (!screening) throw refusal('unknown_screening');
  return screening;
}
