/**
 * The sentences of the generated stories' corpus, from the texts of the real stories (content/news):
 * pure, so that the Worker's tests (no file system in workerd) draw the same corpus from `?raw` imports.
 */

/**
 * Every prose sentence of the given story files (frontmatter, imports, JSX, headings, lists and
 * tables left out), without duplicates, sorted.
 */
export function sentencesOf(files: readonly string[]): string[] {
  const sentences = new Set<string>();
  for (const file of files) {
    const body = file.replace(/^---[\s\S]*?\n---\n/, '');
    // Prose paragraphs only: no imports, JSX, headings, lists or tables.
    for (const line of body.split('\n').filter((text) => text.trim() && !/^\s*(import |export |<|#|-|\*|\||>)/.test(text))) {
      for (const sentence of line.trim().match(/[^。！？]*[。！？…][”’」』]?/g) ?? []) {
        // MDX reads < > { } as markup: leave such sentences out.
        if (sentence.length >= 12 && sentence.length <= 160 && /[\u4e00-\u9fff]/.test(sentence) && !/[<>{}]/.test(sentence)) {
          sentences.add(sentence);
        }
      }
    }
  }
  return [...sentences].sort();
}
