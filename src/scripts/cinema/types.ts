/** Shapes of the API's answers the pages use (see docs/api.md). */

export interface Screening {
  id: string;
  film: { title: string; synopsis: string; runtimeMinutes: number; rating?: string; sample: boolean };
  hall: { id: string; name: string; venue: string };
  startsAt: string;
  releaseAt: string;
  closesAt: string;
  state: 'not_open' | 'open' | 'closed' | 'booked';
  booking?: { union: string };
  capacity: number;
  available: number;
  waitlist: number;
  /** first-come unless the screening's file says lottery; a lottery has its draw time. */
  allocation?: 'first-come' | 'lottery';
  drawAt?: string;
}

export interface SeatView {
  id: string;
  label: string;
  number: number;
  x: number;
  aisleAfter: boolean;
  accessible: boolean;
  status: 'free' | 'taken' | 'reserved' | 'blocked';
}

/** GET …/layout: fetched once per screening. */
export interface SeatLayout {
  rows: { row: number; seats: Omit<SeatView, 'status'>[] }[];
}

/** GET …/seats: polled; `statuses` has a character per seat in the layout's order (src/cinema/seat-statuses.ts). */
export interface SeatStatuses {
  version: number;
  updatedAt: string;
  capacity: number;
  available: number;
  statuses: string;
}

/** The layout with each seat's current status, as the seat picker draws it. */
export interface SeatMap {
  rows: { row: number; seats: SeatView[] }[];
}

export interface Ticket {
  code: string;
  displayCode: string;
  status: 'active' | 'cancelled';
  seat: string;
  seatLabel: string;
  claimedAt?: string;
  cancelledAt?: string;
  /** In GET /api/me/tickets always there: null until the door checks the ticket in. */
  checkedInAt?: string | null;
  qr: string;
  screening: { id: string; film: string; hall: string; venue: string; address?: string; directions?: string; startsAt: string; closesAt: string };
}

export interface WaitlistPlace {
  screeningId: string;
  film: string;
  startsAt: string;
  closesAt: string;
  joinedAt: string;
}

/** GET/POST/DELETE /api/screenings/:id/lottery: the member's entry and, after the draw, its outcome. */
export interface LotteryStatus {
  screeningId: string;
  state: 'not_open' | 'open' | 'drawn';
  opensAt: string;
  drawAt: string;
  commitment?: string;
  entry?: { seats: 1 | 2; weight: number; entrant: string; enteredAt: string };
  outcome?: { result: 'won'; tickets: Ticket[] } | { result: 'lost'; waitlistPosition?: number };
}
