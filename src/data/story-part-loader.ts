import type { Loader, LoaderContext } from 'astro/loaders';
import { excerptSource } from '../news/excerpt';
import { storyKeeping, type BuildPart } from '../build/build-part';
import { LISTED_STORIES_FILE, writeListedStories, type ListedStory } from './listed-stories';

/**
 * Wraps the news file loader for a build made in parts (src/build/build-part.ts `storyKeeping`): a story
 * this part renders is stored as the loader gives it; one it lists with an excerpt is stored with its data
 * and the opening the excerpt needs (src/news/excerpt.ts), not rendered, so it never becomes an MDX module
 * of the part's bundle; one it only links to is kept out of the store and written, data alone, to the
 * listed stories' file (src/data/listed-stories.ts). A story never stored is parsed again on every build,
 * so that file is whole each time; each part keeps its own content cache (scripts/astro-build.ts), so a
 * cached entry is what this part stored.
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
          switch (storyKeeping(part, entry.id)) {
            case 'whole':
              return context.store.set(entry);
            case 'excerpt':
              return context.store.set({ ...entry, body: entry.body && excerptSource(entry.body), deferredRender: false, rendered: undefined });
            case 'listed':
              // Its data is what the collection's schema gave.
              listed.set(entry.id, { id: entry.id, collection: 'news', data: entry.data as unknown as ListedStory['data'], filePath: entry.filePath });
              return true;
          }
        },
      };
      await loader.load({ ...context, store });
      if (part.kind === 'stories') writeListedStories([...listed.values()], listedStoriesFile);
    },
  };
}
