/**
 * GET /api/search: what a reader asks (the query string) and what the Worker answers. The search page
 * reads the answer's type; the route parses the request with the schema.
 */
import * as z from 'zod';
import { RESULT_TYPE_ORDER } from './result-types.ts';
import { MAX_PAGE, MAX_QUERY_LENGTH } from './search-limits.ts';

export { MAX_PAGE, MAX_QUERY_LENGTH, PAGE_SIZE } from './search-limits.ts';

const typeSchema = z.enum(RESULT_TYPE_ORDER);

export const searchRequestSchema = z.object({
  q: z.string().trim().min(1).max(MAX_QUERY_LENGTH),
  type: typeSchema.optional(),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;

export const searchResultSchema = z.object({
  url: z.string(),
  type: typeSchema,
  title: z.string(),
  date: z.string().nullable(),
  /** HTML: the page's text escaped, with only <mark> added. */
  excerpt: z.string(),
});

export const searchAnswerSchema = z.object({
  query: z.string(),
  type: typeSchema.nullable(),
  sort: z.enum(['relevance', 'date']),
  page: z.number(),
  pageSize: z.number(),
  /** Results for the type asked for (news, by date without a type); `counts` has every type's. */
  total: z.number(),
  counts: z.record(typeSchema, z.number()),
  /** The exact phrase was nowhere: the results hold every piece of the query, anywhere. */
  fellBack: z.boolean(),
  results: z.array(searchResultSchema),
});
export type SearchAnswer = z.infer<typeof searchAnswerSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
