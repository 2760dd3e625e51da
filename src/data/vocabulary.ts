import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { vocabularySchema, type Vocabulary } from '../schemas/vocabulary-schema';
import { contentDir } from './content-dir';

let cached: Vocabulary | undefined;

/** Reads and validates content/vocabulary.yaml once per build. */
export function loadVocabulary(): Vocabulary {
  if (cached) return cached;
  const file = path.join(contentDir, 'vocabulary.yaml');
  const result = vocabularySchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    throw new Error(`${file}: 受控词表格式有误：${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  }
  cached = result.data;
  return cached;
}
