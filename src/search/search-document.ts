/**
 * One searchable page of the built site as the search holds it (functions/search/, the
 * search_documents table): what a result shows and what the full-text index ranks.
 */
import * as z from 'zod';
import { RESULT_TYPE_ORDER } from './result-types.ts';

export const searchDocumentSchema = z.object({
  /** The page's path on the site, e.g. /news/bench-00001/. */
  url: z.string().regex(/^\/[^\s?#]*$/, 'a path on the site'),
  type: z.enum(RESULT_TYPE_ORDER),
  title: z.string().min(1),
  /** YYYY-MM-DD, for stories: the by-date order lists them newest first. */
  date: z.iso.date().optional(),
  /** Kicker, subtitle and search keywords, joined by spaces: ranked above the body, not shown. */
  headings: z.string(),
  /** The page's own summary (a program's lead, an honoree as printed): a result shows it rather than a window of the body. */
  summary: z.string().optional(),
  /** The page's searchable text, blocks joined as prose. */
  body: z.string(),
});

export type SearchDocument = z.infer<typeof searchDocumentSchema>;
