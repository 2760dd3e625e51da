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

export interface SeatMap {
  version: number;
  updatedAt: string;
  capacity: number;
  available: number;
  rows: { row: number; seats: SeatView[] }[];
}

export interface Ticket {
  code: string;
  displayCode: string;
  status: 'active' | 'cancelled';
  seat: string;
  seatLabel: string;
  checkedInAt?: string;
  qr: string;
  screening: { id: string; film: string; hall: string; venue: string; startsAt: string; closesAt: string };
}

export interface WaitlistPlace {
  screeningId: string;
  film: string;
  startsAt: string;
  joinedAt: string;
}
