import { z } from 'astro/zod';

/** A news story referenced by id, as Astro's reference('news') resolves it. */
export interface StoryRef {
  id: string;
  collection: 'news';
}

/**
 * A reference to a news story that must exist. `reference` is Astro's reference('news') (passed in, so
 * this module stays importable outside Astro); `storyIds` are the stories in content/news/. Astro's
 * reference alone does not check that the story exists, so a typo would only surface as a broken link.
 */
export function storyRefSchema(reference: z.ZodType<StoryRef, string>, storyIds: readonly string[]) {
  const known = new Set(storyIds);
  return reference.refine((ref) => known.has(ref.id), {
    error: (issue) =>
      `找不到稿件“${(issue.input as StoryRef).id}”：content/news/ 里没有这个文件名（写文件名，不带 .mdx）`,
  });
}

export type StoryRefSchema = ReturnType<typeof storyRefSchema>;
