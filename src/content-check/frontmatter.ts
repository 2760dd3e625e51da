/** An MDX or Markdown file cut into its YAML frontmatter and its body, with where each starts. */
export interface MdxParts {
  yaml: string;
  /** The file line of the frontmatter's first line (the one after the opening ---). */
  yamlFirstLine: number;
  body: string;
  /** The file line the body starts on. */
  bodyFirstLine: number;
}

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Splits off the frontmatter the way Astro finds it; undefined when the file has none. */
export function splitFrontmatter(text: string): MdxParts | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) return undefined;
  const head = match[0];
  return {
    yaml: match[1] ?? '',
    yamlFirstLine: 2,
    body: text.slice(head.length),
    bodyFirstLine: 1 + (head.match(/\n/g)?.length ?? 0),
  };
}

/** The 1-based line of `index` in `text`, counted from `firstLine`. */
export function lineOf(text: string, index: number, firstLine = 1): number {
  let line = firstLine;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
