import type { Loader, LoaderContext } from 'astro/loaders';
import { excerptSource } from '../news/excerpt';
import { storyKeeping, type BuildPart } from '../build/build-part';
import { LISTED_STORIES_FILE, writeListedStories, type ListedStory } from './listed-stories';

/**
 * Wraps the news file loader for a build made in parts (src/build/build-part.ts `storyKeeping`): a story
 * this part renders is stored as the loader gives it; every other story is kept out of the content store
 * (bundled into the part as one module: BENCHMARKS §2) and written to the listed stories' file
 * (src/data/listed-stories.ts), its data and, where the part's lists show its excerpt, the opening the
 * excerpt needs (src/news/excerpt.ts). Never rendered, it never becomes an MDX module of the part's bundle.
 * A story never stored is parsed again on every build, so that file is whole each time; each part keeps
 * its own content cache (scripts/astro-build.ts), so a cached entry is what this part stored.
 */
export function keepingStories(part: BuildPart, loader: Loader, listedStoriesFile = LISTED_STORIES_FILE): Loader {
  return {
    ...loader,
    load: async (context) => {
      // By id, the last stored winning, as in the content store (two files may give one id by a slug).
      const listed = new Map<string, ListedStory>();
      const store: LoaderContext['store'] = {
        ...context.store,
        set: (entry) => {
          const keeping = storyKeeping(part, entry.id);
          switch (keeping) {
            case 'whole':
              return context.store.set(entry);
            case 'excerpt':
            case 'listed': {
              // Its data is what the collection's schema gave.
              const story: ListedStory = { id: entry.id, collection: 'news', data: entry.data as unknown as ListedStory['data'], filePath: entry.filePath };
              listed.set(entry.id, keeping === 'excerpt' && entry.body ? { ...story, body: excerptSource(entry.body) } : story);
              return true;
            }
          }
        },
      };
      await loader.load({ ...context, store });
      if (part.kind !== 'whole') writeListedStories([...listed.values()], listedStoriesFile);
    },
  };
}
