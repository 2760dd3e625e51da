import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { splitFrontmatter } from '../content-check/frontmatter';
import { formatProblem } from '../content-check/problem';
import { writtenTimeProblems } from '../content-check/written-times';
import { parseYamlSource } from '../content-check/yaml-source';

/**
 * Wraps a file loader so the build refuses dates and times that are impossible or lack a zone as written.
 * Astro's parser (js-yaml) has already rolled 2026-13-01 over to 2027-01-01 when the schema sees it, so
 * each file's text is read again before its data is validated; the words are those of `npm run check`.
 * `checks` leaves some entries to another process of the same build (src/build/build-part.ts).
 */
export function checkingWrittenTimes(loader: Loader, checks: (id: string) => boolean = () => true): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        parseData: (props) => {
          if (props.filePath && checks(props.id)) {
            const text = readFileSync(props.filePath, 'utf8');
            const frontmatter = /\.mdx?$/.test(props.filePath) ? splitFrontmatter(text) : undefined;
            const source = frontmatter ? parseYamlSource(frontmatter.yaml, frontmatter.yamlFirstLine) : parseYamlSource(text);
            const file = path.relative(process.cwd(), props.filePath).split(path.sep).join('/');
            const problems = writtenTimeProblems(source).map((problem) => formatProblem({ file, ...problem }));
            if (problems.length > 0) throw new Error(`日期或时间写错了：\n${problems.join('\n')}`);
          }
          return context.parseData(props);
        },
      }),
  };
}
