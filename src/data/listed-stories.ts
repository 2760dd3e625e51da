import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { NewsEntry } from './stories';

/**
 * A story that a part of a build made in parts lists or links to but does not render
 * (src/build/build-part.ts): its id, file and parsed frontmatter, and in the shared part, whose lists show
 * excerpts, the opening of its body they need. A story part's pages need no body of it: neighbouring
 * links, related stories' cards (without excerpts) and house components' links.
 */
export type ListedStory = Pick<NewsEntry, 'id' | 'collection' | 'data' | 'filePath' | 'body'>;

/**
 * Where a part keeps the stories it lists: beside Astro's own files in the part's folder, which is
 * the working folder of its `astro build` (scripts/astro-build.ts). The news loader writes it on every
 * build (src/data/story-part-loader.ts) and the part's pages read it (src/data/stories.ts).
 */
export const LISTED_STORIES_FILE = path.resolve('.astro', 'listed-stories.bin');

/** Written with V8's serializer, which keeps the frontmatter's dates as dates. */
export function writeListedStories(stories: readonly ListedStory[], file = LISTED_STORIES_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, serialize(stories));
}

export function readListedStories(file = LISTED_STORIES_FILE): ListedStory[] {
  return deserialize(readFileSync(file)) as ListedStory[];
}
