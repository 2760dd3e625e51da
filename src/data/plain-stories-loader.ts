import { readFileSync } from 'node:fs';
import type { Loader, LoaderContext } from 'astro/loaders';
import { needsMdx } from '../news/needs-mdx';

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/**
 * Wraps the news file loader so an .mdx story that uses no MDX (src/news/needs-mdx.ts) is rendered as
 * Markdown into the content store, as a .md story is, instead of becoming a module of the build's bundle
 * (each costs the build ~0.2 MiB of memory it keeps: BENCHMARKS §2); stories with components stay MDX.
 * The page is the same but for one newline after the body's last block. The glob loader decides by file
 * type, so its deferred entries are caught as it stores them and stored again rendered. The content
 * cache is cleared when content.config.ts changes, not this rule: after changing the rule, build once
 * with the cache removed (node_modules/.astro/data-store.json); a build in parts clears its parts' caches
 * itself (scripts/astro-build/part-cache.ts).
 */
export function renderingPlainStories(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      const rendering = new Set<Promise<void>>();
      const render = async (entry: StoredEntry) => {
        // The whole file, so the renderer splits off the frontmatter itself (a body may open with ---).
        const text = readFileSync(new URL(entry.filePath!, context.config.root), 'utf8');
        const rendered = await context.renderMarkdown(text, { fileURL: new URL(entry.filePath!, context.config.root) });
        context.store.set({ ...entry, deferredRender: false, rendered, assetImports: rendered.metadata?.imagePaths });
      };
      const store: LoaderContext['store'] = {
        ...context.store,
        set: (entry) => {
          if (!entry.deferredRender || !entry.filePath || entry.body === undefined || needsMdx(entry.body)) return context.store.set(entry);
          const job = render(entry).finally(() => rendering.delete(job));
          rendering.add(job);
          // Under `astro dev` the watcher stores edited files after load() has returned.
          job.catch((error: Error) => context.logger.error(`${entry.filePath}: ${error.message}`));
          return true;
        },
      };
      await loader.load({ ...context, store });
      await Promise.all(rendering);
    },
  };
}
