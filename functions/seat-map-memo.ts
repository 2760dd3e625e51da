/**
 * Seat-map answers kept per Worker isolate for a moment. At noon a thousand phones poll the same
 * screening's map; KV's copy already lags the object by up to 1.5 s, so one more second of reuse
 * changes little for a reader and spares KV and the JSON encoding almost every request. Requests that
 * arrive while a read is under way share it.
 */
export class SeatMapMemo {
  private readonly entries = new Map<string, { until: number; body: Promise<string> }>();

  constructor(private readonly ttlMs = 1_000) {}

  get(screeningId: string, read: () => Promise<string>, now = Date.now()): Promise<string> {
    const entry = this.entries.get(screeningId);
    if (entry && entry.until > now) return entry.body;
    const body = read();
    this.entries.set(screeningId, { until: now + this.ttlMs, body });
    // A failed read is not kept: the next request tries again.
    body.catch(() => this.entries.delete(screeningId));
    return body;
  }
}
