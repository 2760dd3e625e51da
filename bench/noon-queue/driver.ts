/**
 * A Worker that drives one screening's Durable Object through its RPC stub, for bench/noon-queue.ts:
 * `join` puts members in the noon queue (a bounded number in flight); `resolve` waits for the release
 * instant and asks one member's queue status, which returns only once the queue is resolved (by the
 * alarm or by this call), and answers how long after the release that was, and what everyone got.
 */
import type { CatalogueScreening } from '../../src/cinema/catalogue.ts';
import { ScreeningObject as MeasuredObject } from '../../functions/screening-object.ts';
import type { Env } from '../../functions/env.ts';

/** A KV that answers at once: the write-through is network I/O in production, not the object's work. */
const instantKv = { put: async () => {}, delete: async () => {} } as unknown as KVNamespace;

export class ScreeningObject extends MeasuredObject {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, { ...env, SEATS: instantKv });
  }
}

interface Request_ {
  action: 'join' | 'resolve';
  screening: CatalogueScreening;
  members: string[];
  inFlight: number;
}

export default {
  async fetch(request: Request, env: { SCREENINGS: DurableObjectNamespace<ScreeningObject> }): Promise<Response> {
    const job = (await request.json()) as Request_;
    const stub = env.SCREENINGS.getByName(job.screening.id);
    if (job.action === 'join') {
      const outcomes: Record<string, number> = {};
      let next = 0;
      const worker = async () => {
        while (next < job.members.length) {
          const memberId = job.members[next++]!;
          const outcome = await stub.joinQueue(job.screening, { memberId });
          const code = outcome.ok ? 'queued' : outcome.refusal.code;
          outcomes[code] = (outcomes[code] ?? 0) + 1;
        }
      };
      const started = Date.now();
      await Promise.all(Array.from({ length: job.inFlight }, worker));
      return Response.json({ ms: Date.now() - started, outcomes });
    }
    const releaseAt = Date.parse(job.screening.releaseAt);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, releaseAt - Date.now())));
    await stub.queueStatus(job.screening, { memberId: job.members[0]! });
    const msAfterRelease = Date.now() - releaseAt;
    const backup = await stub.backup(job.screening);
    const seated = new Set(backup.tickets.map((ticket) => ticket.memberId));
    const waitlisted = new Set(backup.waitlist.map((place) => place.memberId));
    const neither = job.members.filter((member) => !seated.has(member) && !waitlisted.has(member)).length;
    const both = job.members.filter((member) => seated.has(member) && waitlisted.has(member)).length;
    return Response.json({ msAfterRelease, seated: seated.size, waitlisted: waitlisted.size, neither, both });
  },
};
