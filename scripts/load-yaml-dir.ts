import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Problem } from '../src/content-check/problem.ts';
import { writtenTimeProblems } from '../src/content-check/written-times.ts';
import { parseYamlSource } from '../src/content-check/yaml-source.ts';
import { describeIssue } from '../src/content-check/zod-issues.ts';

export interface YamlEntry<T> {
  /** The file name without .yaml. */
  id: string;
  /** The file as messages name it: relative to the working directory. */
  file: string;
  data: T;
  /** The line of a field, for problems found later (the catalogue's). */
  lineAt(path: readonly PropertyKey[]): number;
}

/**
 * Parses and validates every .yaml file in `dir`, collecting every problem with its line, worded as
 * `npm run check` words it. YAML timestamps are off: a time stays the text as written, for the schema.
 * `ids` names every file read, valid or not.
 */
export function loadYamlDir<S extends z.ZodType>(
  dir: string,
  schema: S,
): { entries: YamlEntry<z.infer<S>>[]; problems: Problem[]; ids: string[] } {
  const entries: YamlEntry<z.infer<S>>[] = [];
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { entries, problems, ids: [] };
  const names = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort();
  for (const name of names) {
    const file = path.relative(process.cwd(), path.join(dir, name)).split(path.sep).join('/');
    const source = parseYamlSource(readFileSync(path.join(dir, name), 'utf8'), 1, 1, { timestamps: false });
    for (const error of source.errors) problems.push({ file, line: error.line, message: `格式错误：${error.message}`, fix: error.fix });
    for (const problem of writtenTimeProblems(source)) problems.push({ file, ...problem });
    if (source.errors.length > 0) continue;
    const result = schema.safeParse(source.data ?? {}, { reportInput: true });
    if (result.success) entries.push({ id: name.replace(/\.ya?ml$/, ''), file, data: result.data, lineAt: source.lineAt });
    else for (const issue of result.error.issues) problems.push({ file, line: source.lineAt(issue.path), ...describeIssue(issue) });
  }
  return { entries, problems, ids: names.map((name) => name.replace(/\.ya?ml$/, '')) };
}
