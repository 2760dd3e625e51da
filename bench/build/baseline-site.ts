/**
 * The build bench's baseline: a plain Astro 7 + @astrojs/mdx site generated into a temporary folder,
 * with one glob collection over the same generated stories, one page per entry and an index. It uses
 * this repository's node_modules through a symlink, and keeps its caches inside its own folder.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/env.ts';

/** `newsDir` holds the generated stories (bench-*.md / .mdx) among others: the collection takes only those. */
export function writeBaselineSite(dir: string, newsDir: string): void {
  mkdirSync(path.join(dir, 'src', 'pages', 'news'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'baseline-site', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// node_modules is a symlink to the huigong checkout's: keep every cache in this folder.
export default defineConfig({
  site: 'https://baseline.example.org',
  cacheDir: './.cache/astro',
  vite: { cacheDir: './.cache/vite' },
  outDir: process.env.BASELINE_OUT_DIR ?? './dist',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
`,
  );
  writeFileSync(
    path.join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const news = defineCollection({
  loader: glob({ pattern: 'bench-*.{md,mdx}', base: ${JSON.stringify(newsDir)} }),
  schema: z.object({ title: z.string(), date: z.coerce.date() }).passthrough(),
});

export const collections = { news };
`,
  );
  writeFileSync(
    path.join(dir, 'src', 'Layout.astro'),
    `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
  </head>
  <body>
    <main><slot /></main>
  </body>
</html>
`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', 'news', '[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Layout from '../../Layout.astro';

export async function getStaticPaths() {
  const stories = await getCollection('news');
  return stories.map((story) => ({ params: { slug: story.id }, props: { story } }));
}
const { story } = Astro.props;
const { Content } = await render(story);
---
<Layout title={story.data.title}>
  <article>
    <h1>{story.data.title}</h1>
    <time datetime={story.data.date.toISOString()}>{story.data.date.toISOString().slice(0, 10)}</time>
    <Content />
  </article>
</Layout>
`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', 'index.astro'),
    `---
import { getCollection } from 'astro:content';
import Layout from '../Layout.astro';

const stories = (await getCollection('news')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
---
<Layout title="新闻">
  <h1>新闻</h1>
  <ul>
    {stories.map((story) => <li><a href={\`/news/\${story.id}/\`}>{story.data.title}</a></li>)}
  </ul>
</Layout>
`,
  );
}
