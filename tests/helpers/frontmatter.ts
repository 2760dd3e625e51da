import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The YAML frontmatter of an MDX/Markdown file, parsed. */
export function readFrontmatter(file: string): unknown {
  const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no frontmatter`);
  return parse(match[1]!);
}

export function storyFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => path.join(dir, name));
}
