/**
 * A Worker that drives one screening's Durable Object through its RPC stub, for
 * bench/object-capacity.ts. Each request runs one batch of claims with a bounded number in flight and
 * answers how each ended; the bench times the batch from outside. No HTTP route, session or rate
 * limit is involved: this measures the object alone (with `KV_MODE` = `instant`, without its write-through).
 */
import type { CatalogueScreening } from '../../src/cinema/catalogue.ts';
import { ScreeningObject as MeasuredObject } from '../../functions/screening-object.ts';
import type { Env } from '../../functions/env.ts';

/** A KV that answers at once: the write-through is network I/O in production, not the object's work. */
const instantKv = {
  put: async () => {},
  delete: async () => {},
} as unknown as KVNamespace;

/** The object as deployed; with `KV_MODE` = `instant` its write-through costs nothing (Miniflare's simulated KV costs CPU here). */
export class ScreeningObject extends MeasuredObject {
  constructor(ctx: DurableObjectState, env: Env & { KV_MODE?: string }) {
    super(ctx, env.KV_MODE === 'instant' ? { ...env, SEATS: instantKv } : env);
  }
}

interface Batch {
  screening: CatalogueScreening;
  members: string[];
  /** Seat each member asks for, by index; missing = best available. */
  seats?: string[];
  inFlight: number;
}

export default {
  async fetch(request: Request, env: { SCREENINGS: DurableObjectNamespace<ScreeningObject> }): Promise<Response> {
    const batch = (await request.json()) as Batch;
    const stub = env.SCREENINGS.getByName(batch.screening.id);
    const outcomes: Record<string, number> = {};
    let next = 0;
    const worker = async () => {
      while (next < batch.members.length) {
        const i = next++;
        const memberId = batch.members[i]!;
        const seat = batch.seats?.[i];
        const outcome = await stub.claim(batch.screening, { memberId, idempotencyKey: `k-${memberId}`, ...(seat ? { seat } : {}) });
        const code = outcome.ok ? 'ticket' : outcome.refusal.code;
        outcomes[code] = (outcomes[code] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: batch.inFlight }, worker));
    return Response.json(outcomes);
  },
};
