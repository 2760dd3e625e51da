import { normalizeTicketCode } from './ticket-code.ts';

/** A check-in the door made, online or not: which ticket, when (ISO, the device's clock) and on which device. */
export interface DoorCheckIn {
  code: string;
  at: string;
  device: string;
}

/** A ticket as the door's list has it (no member data). */
export interface ListedTicket {
  code: string;
  seat: string;
  status: 'active' | 'cancelled';
  checkedInAt?: string;
}

/** What the door read: a typed code, or a QR payload (HG1 HMAC, or HG2 Ed25519 which the door can verify offline). */
export type TicketScan =
  | { kind: 'typed'; code: string }
  | { kind: 'qr'; version: 'HG1' | 'HG2'; screeningId: string; code: string; signed: string; signature: string };

/** Reads a scan or a typed code; undefined when it is neither a ticket code nor one of our payloads. */
export function readTicketScan(input: string): TicketScan | undefined {
  const text = input.trim();
  const parts = text.split('.');
  if (parts.length === 1) {
    const code = normalizeTicketCode(text);
    return code ? { kind: 'typed', code } : undefined;
  }
  const [version, screeningId, rawCode, signature] = parts;
  const code = normalizeTicketCode(rawCode ?? '');
  if (parts.length !== 4 || (version !== 'HG1' && version !== 'HG2') || !screeningId || !code || !signature) return undefined;
  return { kind: 'qr', version, screeningId, code, signed: `${version}.${screeningId}.${code}`, signature };
}

export type OfflineVerdict =
  | { verdict: 'valid'; code: string; seat?: string; /** Not on the list the door holds, but signed by us for this screening: issued since. */ unlisted?: true }
  | { verdict: 'already_checked_in'; code: string; seat?: string; checkedInAt: string }
  | { verdict: 'wrong_screening'; code: string; ticketScreeningId: string }
  | { verdict: 'cancelled'; code: string; seat: string }
  | { verdict: 'unknown' };

/**
 * The door's verdict with no network, from the ticket list it downloaded, the check-ins it made since
 * (its own, kept on the device) and, for an HG2 payload, whether its Ed25519 signature verified
 * (`signatureValid`; undefined where the browser cannot verify Ed25519). The list decides for the
 * tickets on it; a ticket issued after the list was fetched is let in only on a verified signature.
 */
export function offlineVerdict(input: {
  screeningId: string;
  scan: TicketScan | undefined;
  signatureValid?: boolean;
  tickets: ReadonlyMap<string, ListedTicket>;
  localCheckIns: ReadonlyMap<string, DoorCheckIn>;
}): OfflineVerdict {
  const { scan } = input;
  if (!scan) return { verdict: 'unknown' };
  // A forged HG2 payload names nothing: neither its screening nor its code can be believed.
  if (scan.kind === 'qr' && scan.version === 'HG2' && input.signatureValid === false) return { verdict: 'unknown' };
  if (scan.kind === 'qr' && scan.screeningId !== input.screeningId) return { verdict: 'wrong_screening', code: scan.code, ticketScreeningId: scan.screeningId };
  const listed = input.tickets.get(scan.code);
  const local = input.localCheckIns.get(scan.code);
  const checkedInAt = earliest(listed?.checkedInAt, local?.at);
  if (listed?.status === 'cancelled') return { verdict: 'cancelled', code: scan.code, seat: listed.seat };
  if (checkedInAt) return { verdict: 'already_checked_in', code: scan.code, checkedInAt, ...(listed ? { seat: listed.seat } : {}) };
  if (listed) return { verdict: 'valid', code: scan.code, seat: listed.seat };
  if (scan.kind === 'qr' && scan.version === 'HG2' && input.signatureValid) return { verdict: 'valid', code: scan.code, unlisted: true };
  return { verdict: 'unknown' };
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** Two check-ins of one ticket: the earlier is kept (ties go to the lower device name, so every merge agrees). */
export function earlierCheckIn(a: DoorCheckIn, b: DoorCheckIn): DoorCheckIn {
  const difference = Date.parse(a.at) - Date.parse(b.at);
  if (difference !== 0) return difference < 0 ? a : b;
  return a.device <= b.device ? a : b;
}

export interface CheckInConflict {
  code: string;
  kept: DoorCheckIn;
  later: DoorCheckIn;
}

/**
 * What the screening's object does with one synced check-in, given the ticket's stored check-in and the
 * losing check-ins recorded for it. A device's own check-in again is a replay whatever its time says (a
 * replayed batch may carry a time the object clamped), and so is a losing check-in already recorded.
 */
export type SyncDecision =
  | { kind: 'unknown_ticket' }
  | { kind: 'ticket_cancelled' }
  | { kind: 'checked_in' }
  | { kind: 'replayed' }
  /** Earlier than the stored check-in: it wins, the stored one becomes the later side of a conflict. */
  | { kind: 'earlier_wins'; later: DoorCheckIn }
  /** Later than the stored check-in (or a conflict already recorded): the device is told it lost. */
  | { kind: 'conflict'; kept: DoorCheckIn; recorded: boolean };

export function decideSyncedCheckIn(
  ticket: { status: 'active' | 'cancelled'; checkIn?: DoorCheckIn } | undefined,
  incoming: DoorCheckIn,
  knownConflicts: readonly DoorCheckIn[],
): SyncDecision {
  if (!ticket) return { kind: 'unknown_ticket' };
  if (ticket.status === 'cancelled') return { kind: 'ticket_cancelled' };
  const stored = ticket.checkIn;
  if (!stored) return { kind: 'checked_in' };
  // A device checks a ticket in once (it refuses its own second scan), so its check-in again is a replay:
  // also its offline check-in of a ticket whose online check-in went through with the answer lost.
  if (stored.device === incoming.device) return { kind: 'replayed' };
  if (earlierCheckIn(stored, incoming) === incoming) return { kind: 'earlier_wins', later: stored };
  return { kind: 'conflict', kept: stored, recorded: knownConflicts.some((known) => known.device === incoming.device) };
}
