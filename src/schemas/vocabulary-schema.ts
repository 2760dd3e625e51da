import { z } from 'astro/zod';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug 只能用小写字母、数字和连字符');

export const termSchema = z.object({ name: z.string().min(1), slug });

/** content/vocabulary.yaml: the only regions, columns and tags stories may use. */
export const vocabularySchema = z.object({
  regions: z.array(termSchema).min(1),
  columns: z.array(termSchema).min(1),
  tags: z.array(termSchema).min(1),
});

export type Term = z.infer<typeof termSchema>;
export type Vocabulary = z.infer<typeof vocabularySchema>;
