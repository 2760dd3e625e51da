/**
 * Whether a story's body (frontmatter removed) needs the MDX compiler, or renders the same as plain
 * Markdown. Conservative: any `<` (components, HTML, autolinks), any `{` or `}` (expressions, MDX
 * comments), an import or export line, or a line indented as code (Markdown makes it a code block, MDX
 * a paragraph) keeps the story MDX. A plain story is rendered once into the content store and never
 * becomes a module of the build's bundle, which is what holds the build's memory (BENCHMARKS §2).
 */
export function needsMdx(body: string): boolean {
  return /[<{}]/.test(body) || /^(import|export)\s/m.test(body) || /^( {4}|\t)/m.test(body);
}
