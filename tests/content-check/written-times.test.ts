import { describe, expect, it } from 'vitest';
import { writtenTimeProblems } from '../../src/content-check/written-times';
import { parseYamlSource } from '../../src/content-check/yaml-source';

describe('writtenTimeProblems', () => {
  it('checks the text behind every timestamp the parser has rolled over, at any depth, with its line', () => {
    const source = parseYamlSource('title: 甲\ndate: 2026-13-01\nfigures:\n  - { date: 2023-02-29 }\n  - { at: 2026-12-02T18:30:00 }\nok: 2026-12-01\n', 2);
    expect(source.data).toMatchObject({ date: new Date('2027-01-01T00:00:00Z') });
    expect(writtenTimeProblems(source)).toEqual([
      { line: 3, message: 'date：2026-13-01 不是真实的日期：没有 13 月', fix: '月份是 1–12，日期不超过那个月的天数，如 2026-12-01' },
      { line: 5, message: 'figures.0.date：2023-02-29 不是真实的日期：2023 年 2 月只有 28 天', fix: '月份是 1–12，日期不超过那个月的天数，如 2026-12-01' },
      { line: 6, message: 'figures.1.at：2026-12-02T18:30:00 没有写时区：北京时间要在后面加 +08:00，不然不同的电脑会读成不同的时间', fix: '写成 2026-12-02T18:30:00+08:00' },
    ]);
  });

  it('leaves quoted text to the schemas, and finds no timestamps when they are off', () => {
    expect(writtenTimeProblems(parseYamlSource('date: "2026-13-01"\n'))).toEqual([]);
    expect(writtenTimeProblems(parseYamlSource('startsAt: 2026-02-30T18:30:00+08:00\n', 1, 1, { timestamps: false }))).toEqual([]);
  });
});
