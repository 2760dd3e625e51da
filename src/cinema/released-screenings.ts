import * as z from 'zod';

/**
 * What a deploy records of each screening it ships (in /build.json): ids and times only. A screening's id
 * names its Durable Object and its tickets, so the next deploy can tell which of them it would orphan.
 */
export const deployedScreeningSchema = z.object({
  id: z.string(),
  releaseAt: z.iso.datetime(),
  /** Start + the film's runtime: after it, nobody needs the tickets any more. */
  endsAt: z.iso.datetime(),
});

export type DeployedScreening = z.infer<typeof deployedScreeningSchema>;

const catalogueTimesSchema = z.object({
  screenings: z.array(z.object({ id: z.string(), startsAt: z.iso.datetime(), releaseAt: z.iso.datetime(), film: z.object({ runtimeMinutes: z.number() }) })),
});

/** The catalogue's screenings (functions/generated/catalogue.json) as a deploy records them. */
export function deployedScreenings(catalogueJson: string): DeployedScreening[] {
  return catalogueTimesSchema.parse(JSON.parse(catalogueJson)).screenings.map(({ id, startsAt, releaseAt, film }) => ({
    id,
    releaseAt,
    endsAt: new Date(Date.parse(startsAt) + film.runtimeMinutes * 60_000).toISOString(),
  }));
}

/**
 * The deployed screenings a new catalogue (its ids, `next`) would drop while they matter: released (seats
 * may have been claimed) and not yet over. Shipping without one gives its id's tickets no screening, and
 * the same screening under a new id a new, empty Durable Object: every seat released again.
 */
export function vanishedReleasedScreenings({ deployed, next, now }: { deployed: readonly DeployedScreening[]; next: readonly string[]; now: Date }): DeployedScreening[] {
  const kept = new Set(next);
  const at = now.getTime();
  return deployed.filter((screening) => !kept.has(screening.id) && Date.parse(screening.releaseAt) <= at && at < Date.parse(screening.endsAt));
}
