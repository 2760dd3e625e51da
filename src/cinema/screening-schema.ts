import * as z from 'zod';
import { beijingInstantSchema } from '../schemas/written-time.ts';

/**
 * A screening's id: the name of its Durable Object and of its tickets, so it must never change once seats
 * are released. It is written in the file, not taken from the file name, so a file can be renamed safely.
 */
export const SCREENING_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * content/screenings/*.yaml: one screening of a film in a hall. `halls` are the hall ids (file names in
 * content/halls/), so an unknown hall is reported with the file's other problems, not after them.
 */
export function screeningSchema(halls: readonly string[]) {
  return z.object({
    id: z
      .string({ error: '缺少场次编号（id）：电子票都记在它名下，定下后不再改；新场次写开场时间和影厅，如 2026-12-02-1830-huigong-yingyuan' })
      .regex(SCREENING_ID, '场次编号（id）只能用小写字母、数字和连字符，如 2026-12-02-1830-huigong-yingyuan'),
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
    hall: z.string().refine((hall) => halls.includes(hall), {
      error: (issue) => `未知的影厅“${String(issue.input)}”，可用的有：${halls.join('、') || '（无）'}`,
      params: { fix: '写 content/halls/ 里的文件名（不带 .yaml）' },
    }),
    startsAt: beijingInstantSchema('startsAt'),
    /** Editors may override the computed release time. */
    releaseAt: beijingInstantSchema('releaseAt').optional(),
    /**
     * How members get seats: `first-come` (the noon queue, then first come, first served) or `lottery`
     * (entries from the release until the draw; see src/cinema/rules.ts). First-come unless written.
     */
    allocation: z
      .enum(['first-come', 'lottery'], { error: '放票方式（allocation）只能写 first-come（先到先得）或 lottery（抽签）' })
      .default('first-come'),
    /** A lottery's draw time, when not the rule's (the morning after the release). */
    drawAt: beijingInstantSchema('drawAt').optional(),
    /** A whole-screening booking by a grassroots union (基层工会包场): no seats are released to members. */
    booking: z.object({ union: z.string().min(1) }).optional(),
  });
}

export type ScreeningSource = z.infer<ReturnType<typeof screeningSchema>>;
