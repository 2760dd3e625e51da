/**
 * A Worker that drives one screening's Durable Object through its RPC stub, for bench/lottery-draw.ts:
 * `enter` enters members in the lottery (a bounded number in flight; every fourth a pair, weights 1–4);
 * `draw` hands the object the same screening with its draw time now passed (as a deploy moving `drawAt`
 * would), asks one member's status, which draws first, and answers how long that call took and what
 * everyone got.
 */
import type { CatalogueScreening } from '../../src/cinema/catalogue.ts';
import { ScreeningObject as MeasuredObject } from '../../functions/screening-object.ts';
import type { Env } from '../../functions/env.ts';

/**
 * A KV that answers at once: the write-through and the draw's bulk reads of strike notes (none here: no
 * entrant has had a strike) are network I/O in production, not the object's work.
 */
const instantKv = { put: async () => {}, delete: async () => {}, get: async (keys: string | string[]) => (Array.isArray(keys) ? new Map() : null) } as unknown as KVNamespace;

export class ScreeningObject extends MeasuredObject {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, { ...env, SEATS: instantKv });
  }
}

interface Job {
  action: 'enter' | 'draw';
  screening: CatalogueScreening;
  members: string[];
  inFlight: number;
}

export default {
  async fetch(request: Request, env: { SCREENINGS: DurableObjectNamespace<ScreeningObject> }): Promise<Response> {
    const job = (await request.json()) as Job;
    const stub = env.SCREENINGS.getByName(job.screening.id);
    if (job.action === 'enter') {
      const outcomes: Record<string, number> = {};
      let next = 0;
      const worker = async () => {
        while (next < job.members.length) {
          const i = next++;
          const outcome = await stub.enterLottery(job.screening, { memberId: job.members[i]!, seats: i % 4 === 0 ? 2 : 1, weight: 1 + (i % 4) });
          const code = outcome.ok ? 'entered' : outcome.refusal.code;
          outcomes[code] = (outcomes[code] ?? 0) + 1;
        }
      };
      const started = Date.now();
      await Promise.all(Array.from({ length: job.inFlight }, worker));
      return Response.json({ ms: Date.now() - started, outcomes });
    }
    const due = { ...job.screening, drawAt: new Date(Date.now() - 1).toISOString() };
    const started = performance.now();
    await stub.lotteryStatus(due, { memberId: job.members[0]! });
    const drawMs = performance.now() - started;
    const draw = await stub.lotteryDraw(due);
    const backup = await stub.backup(due);
    if ('refusal' in draw) throw new Error('not a lottery');
    const seated = new Set(backup.tickets.flatMap((ticket) => (ticket.memberId ? [ticket.memberId] : [])));
    const waitlisted = new Set(backup.waitlist.map((place) => place.memberId));
    return Response.json({
      drawMs,
      entries: draw.entries?.length ?? 0,
      seatsOffered: draw.seatsOffered,
      winners: draw.winners?.length ?? 0,
      tickets: backup.tickets.length,
      waitlisted: waitlisted.size,
      neither: job.members.filter((member) => !seated.has(member) && !waitlisted.has(member)).length,
      both: job.members.filter((member) => seated.has(member) && waitlisted.has(member)).length,
    });
  },
};
