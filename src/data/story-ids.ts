import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from './content-dir';

/**
 * The ids of the stories in content/news/ (file names without the extension), read from disk because
 * the honors, programs and totals schemas check their story references before any collection loads.
 */
export function storyIdsOnDisk(): string[] {
  const dir = path.join(contentDir, 'news');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => file.split(path.sep).join('/').replace(/\.mdx?$/, ''));
}
