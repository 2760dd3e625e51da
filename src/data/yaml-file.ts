import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'astro/zod';

/**
 * Reads and validates a controlled list in content/. A missing file yields `fallback`: a content folder
 * without honors or stations (a test fixture) needs no lists for them, and anything that does use a
 * name then fails the schema with "unknown name, see <file>".
 */
export function readYamlList<T>(file: string, schema: z.ZodType<T>, fallback: T, what: string): T {
  if (!existsSync(file)) return fallback;
  const result = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    throw new Error(`${file}: ${what}格式有误：${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  }
  return result.data;
}
