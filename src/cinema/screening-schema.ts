import { z } from 'zod';

const instant = (field: string) =>
  z.coerce.date({ error: `${field} 应写成带时区的时间，如 2026-12-02T18:30:00+08:00` });

/** content/screenings/*.yaml: one screening of a film in a hall. */
export const screeningSchema = z.object({
  film: z.object({
    title: z.string().min(1),
    synopsis: z.string().min(1),
    runtimeMinutes: z.number().int().positive(),
    /** Age guidance as the distributor gives it, if any. */
    rating: z.string().min(1).optional(),
    /** Marks placeholder films in the sample catalogue. */
    sample: z.boolean().default(false),
  }),
  /** The hall's file name in content/halls/, without .yaml. */
  hall: z.string().min(1),
  startsAt: instant('startsAt'),
  /** Editors may override the computed release time. */
  releaseAt: instant('releaseAt').optional(),
  /** A whole-screening booking by a grassroots union (基层工会包场): no seats are released to members. */
  booking: z.object({ union: z.string().min(1) }).optional(),
});

export type ScreeningSource = z.infer<typeof screeningSchema>;
