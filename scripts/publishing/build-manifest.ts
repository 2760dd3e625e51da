import { createHash } from 'node:crypto';
import { z } from 'zod';
import { deployedScreeningSchema, deployedScreenings } from '../../src/cinema/released-screenings.ts';

/**
 * /build.json, published with every deploy: when the site was built, from which commit, a hash of the
 * cinema catalogue the Worker serves, and its screenings' ids and times. The scheduled build reads it to
 * decide whether a new build would change anything (scripts/publishing/due.ts); every deploy reads it to
 * refuse dropping a released screening (scripts/deploy/released-screenings-guard.ts).
 */
export const buildManifestSchema = z.object({
  builtAt: z.iso.datetime(),
  commit: z.string(),
  catalogueHash: z.string(),
  /** Absent from manifests deployed before screenings were recorded. */
  screenings: z.array(deployedScreeningSchema).optional(),
});

export type BuildManifest = z.infer<typeof buildManifestSchema>;

/** The catalogue's fingerprint: its JSON text hashed, so any change to a screening changes it. */
export const catalogueHash = (catalogueJson: string) => `sha256-${createHash('sha256').update(catalogueJson).digest('hex')}`;

export function buildManifest({ builtAt, commit, catalogueJson }: { builtAt: Date; commit: string; catalogueJson: string }): BuildManifest {
  return { builtAt: builtAt.toISOString(), commit, catalogueHash: catalogueHash(catalogueJson), screenings: deployedScreenings(catalogueJson) };
}
