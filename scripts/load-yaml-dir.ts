import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';

export interface ContentProblem {
  file: string;
  message: string;
}

/** Parses and validates every .yaml file in `dir` (id = file name), collecting every problem. */
export function loadYamlDir<S extends z.ZodType>(
  dir: string,
  schema: S,
): { entries: Record<string, z.infer<S>>; problems: ContentProblem[] } {
  const entries: Record<string, z.infer<S>> = {};
  const problems: ContentProblem[] = [];
  if (!existsSync(dir)) return { entries, problems };
  for (const name of readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort()) {
    const file = path.join(dir, name);
    let data: unknown;
    try {
      data = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push({ file, message: `YAML 格式错误：${(error as Error).message}` });
      continue;
    }
    const result = schema.safeParse(data);
    if (result.success) entries[name.replace(/\.ya?ml$/, '')] = result.data;
    else for (const issue of result.error.issues) problems.push({ file, message: `${issue.path.join('.') || '(根)'}：${issue.message}` });
  }
  return { entries, problems };
}
