import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { newsSchema } from './schemas/news-schema';
import { contentDir } from './data/content-dir';
import { loadVocabulary } from './data/vocabulary';

const news = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: path.join(contentDir, 'news') }),
  schema: newsSchema(loadVocabulary()),
});

export const collections = { news };
