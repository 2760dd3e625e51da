import * as z from 'zod';

const seatNumbers = z.array(z.number().int().positive()).default([]);

/** One row of seats, counted from the screen backwards. */
export const hallRowSchema = z
  .object({
    row: z.number().int().positive(),
    seats: z.number().int().positive(),
    /** An aisle follows each of these seat numbers. */
    aisleAfter: seatNumbers,
    /** Wheelchair-accessible places: claimable when chosen, never handed out as "best available". */
    accessible: seatNumbers,
    /** Seats that are never released (broken, technician's desk). */
    blocked: seatNumbers,
  })
  .refine((row) => [...row.aisleAfter, ...row.accessible, ...row.blocked].every((n) => n <= row.seats), {
    error: 'aisleAfter、accessible、blocked 中的座号不能超过本排座位数 seats',
  });

/** Minutes a hall needs between one screening's end and the next start (clearing, cleaning, letting in). */
export const DEFAULT_CHANGEOVER_MINUTES = 15;

/** content/halls/*.yaml: a hall's seat layout. */
export const hallSchema = z
  .object({
    name: z.string().min(1),
    venue: z.string().min(1),
    /** Where the venue is, as printed on each ticket (a street address once the cinema gives one). */
    address: z.string().min(1).optional(),
    /** How to get in on screening days (gate, parking), as printed on each ticket. */
    directions: z.string().min(1).optional(),
    /** Changeover between screenings in this hall; DEFAULT_CHANGEOVER_MINUTES when not written. */
    changeoverMinutes: z.number().int().nonnegative().optional(),
    /** The row "best available" aims for; by default about 60 % of the way back. */
    bestRow: z.number().int().positive().optional(),
    rows: z.array(hallRowSchema).min(1),
  })
  .refine((hall) => new Set(hall.rows.map((r) => r.row)).size === hall.rows.length, { error: '排号 row 不能重复' });

export type HallRow = z.infer<typeof hallRowSchema>;
export type Hall = z.infer<typeof hallSchema>;
