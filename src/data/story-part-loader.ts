import type { Loader, LoaderContext } from 'astro/loaders';
import { excerptSource } from '../news/excerpt';

/**
 * Wraps the news file loader for a build made in parts (src/build/build-part.ts): a story another part
 * renders is stored with its data and the opening its excerpts need (src/news/excerpt.ts), not rendered,
 * and never becomes an MDX module of this part's bundle. Lists, related stories and neighbouring links
 * read no more; whole bodies of every story are what filled each part's memory (BENCHMARKS §2). Each
 * part keeps its own content cache (scripts/astro-build.ts), so a cached entry is what this part stored.
 */
export function renderingOnly(rendersStory: (id: string) => boolean, loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const store: LoaderContext['store'] = {
        ...context.store,
        set: (entry) =>
          rendersStory(entry.id)
            ? context.store.set(entry)
            : context.store.set({ ...entry, body: entry.body && excerptSource(entry.body), deferredRender: false, rendered: undefined }),
      };
      return loader.load({ ...context, store });
    },
  };
}
