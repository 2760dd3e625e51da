import { readWrittenTime } from '../schemas/written-time.ts';
import type { YamlSource } from './yaml-source.ts';
import { fieldName } from './zod-issues.ts';

export interface WrittenTimeProblem {
  line: number;
  message: string;
  fix: string;
}

/**
 * Dates and times the YAML parser read as timestamps, checked as written. The parser (js-yaml in Astro's
 * build, `yaml` here) rolls 2026-13-01 over to 2027-01-01 and reads a time without a zone as UTC, before
 * any schema sees the value; so the text itself is checked, in every field of every file.
 */
export function writtenTimeProblems(source: YamlSource): WrittenTimeProblem[] {
  return source.timestamps.flatMap(({ path, text, line }) => {
    const reading = readWrittenTime(text);
    return reading.ok ? [] : [{ line, message: `${fieldName(path)}：${reading.message}`, fix: reading.fix }];
  });
}
