/** The parts of a ticket the page's list of "我的票" decides on. */
export interface ListedTicket {
  code: string;
  status: 'active' | 'cancelled';
  claimedAt?: string;
  checkedInAt?: string | null;
  screening: { id: string; startsAt: string };
}

/** A ticket stays in the list until its screening has surely ended. */
const SHOWN_AFTER_START_MS = 4 * 3_600_000;

/** How far a ticket has gone: claimed, then cancelled or checked in. A ticket never goes back. */
function progress(ticket: ListedTicket): number {
  return ticket.status === 'cancelled' || ticket.checkedInAt ? 1 : 0;
}

/** Whether the server's list already knows what the page learned when it kept this copy. */
function serverCaughtUp(copy: ListedTicket, server: readonly ListedTicket[]): boolean {
  return server.some((listed) =>
    listed.code === copy.code
      ? progress(listed) >= progress(copy)
      : // One ticket per member per screening: another one there means this one is history, unless the
        // list is known to lag behind a claim made here (its ticket claimed before this copy's).
        listed.screening.id === copy.screening.id && !(listed.claimedAt !== undefined && copy.claimedAt !== undefined && listed.claimedAt < copy.claimedAt),
  );
}

/**
 * The tickets the page claimed or cancelled itself and must still show over the server's list, which is
 * read from KV and lags a second or two. A copy goes as soon as the server's list holds that code as far
 * along (or further: cancelled or checked in on another device), or another ticket of its screening not
 * known to be older; kept forever, it would show a ticket cancelled elsewhere as active, with its QR code
 * and 退票 button.
 */
export function reconcileLocalTickets<T extends ListedTicket>(server: readonly T[], local: ReadonlyMap<string, T>): Map<string, T> {
  return new Map([...local].filter(([, copy]) => !serverCaughtUp(copy, server)));
}

/**
 * 我的票: the server's list with the page's own newer copies over it; active tickets, and those the
 * member cancelled here (so the cancellation shows), until their screening is over.
 */
export function ticketsToShow<T extends ListedTicket>(server: readonly T[], local: ReadonlyMap<string, T>, now: number): T[] {
  const byCode = new Map(server.map((ticket) => [ticket.code, ticket]));
  for (const [code, ticket] of local) byCode.set(code, ticket);
  return [...byCode.values()]
    .filter((ticket) => Date.parse(ticket.screening.startsAt) + SHOWN_AFTER_START_MS > now)
    .filter((ticket) => ticket.status === 'active' || local.has(ticket.code))
    .sort((a, b) => a.screening.startsAt.localeCompare(b.screening.startsAt));
}

/** Waitlist places that can still turn into a ticket: a place is only promoted before claims close. */
export function openWaitlistPlaces<P extends { closesAt: string }>(places: readonly P[], now: number): P[] {
  return places.filter((place) => Date.parse(place.closesAt) > now);
}
