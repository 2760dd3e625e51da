import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { storyRefSchema, type StoryRef } from '../../src/schemas/story-ref-schema';

/** Astro's reference('news') as it behaves at build time: an id becomes { id, collection }. */
export const referenceStandIn = z.string().transform((id): StoryRef => ({ id, collection: 'news' }));

/** The ids of the stories in a content folder. */
export function storyIds(dir = 'content/news'): string[] {
  return readdirSync(dir)
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => name.replace(/\.mdx?$/, ''));
}

/** A story reference checked against the real stories in content/news/. */
export const storyRef = storyRefSchema(referenceStandIn, storyIds());

/** The YAML files of a content folder, as [id, parsed data] pairs. */
export function yamlEntries(dir: string): [string, Record<string, any>][] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => [name.replace(/\.yaml$/, ''), parse(readFileSync(path.join(dir, name), 'utf8'))]);
}

/** A story's body text with the frontmatter, markup and all white space removed, for verbatim checks. */
export function storyText(id: string, dir = 'content/news'): string {
  const source = readFileSync(path.join(dir, `${id}.mdx`), 'utf8');
  return source
    .replace(/^---\n[\s\S]*?\n---/, '')
    // House components: the words between the tags are the story's (<Honoree id="…">姚婕</Honoree>).
    .replace(/<\/?[A-Z][\w.]*(?:\s[^>]*)?\/?>/g, '')
    .replace(/^#+ /gm, '')
    .replace(/\s+/g, '');
}
