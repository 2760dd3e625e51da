import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  addDays,
  beijingIso,
  honorTemplate,
  newsTemplate,
  nextWednesdayEvening,
  parseBeijingTime,
  programTemplate,
  releaseByRule,
  screeningId,
  screeningTemplate,
  shanghaiDay,
} from '../../scripts/content-templates';
import { splitFrontmatter } from '../../src/content-check/frontmatter';
import { newsSchema } from '../../src/schemas/news-schema';
import { vocabularySchema } from '../../src/schemas/vocabulary-schema';
import { honorNames } from '../helpers/honoree';

const vocabulary = vocabularySchema.parse(parse(readFileSync('content/vocabulary.yaml', 'utf8')));
const frontmatter = (text: string) => parse(splitFrontmatter(text)!.yaml) as Record<string, unknown>;

describe('dates in Beijing time', () => {
  it('takes today’s date in Asia/Shanghai, not UTC', () => {
    expect(shanghaiDay(new Date('2026-11-28T15:59:00Z'))).toBe('2026-11-28');
    expect(shanghaiDay(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
  });

  it('adds days across months', () => {
    expect(addDays('2026-11-30', 2)).toBe('2026-12-02');
  });

  it('finds the next Wednesday evening, a week on from a Wednesday', () => {
    expect(nextWednesdayEvening(new Date('2026-11-28T08:00:00Z'))).toBe('2026-12-02T18:30:00+08:00');
    expect(nextWednesdayEvening(new Date('2026-12-02T02:00:00Z'))).toBe('2026-12-09T18:30:00+08:00');
    // Tuesday 23:30 in UTC is already Wednesday in Beijing.
    expect(nextWednesdayEvening(new Date('2026-12-01T16:30:00Z'))).toBe('2026-12-09T18:30:00+08:00');
  });

  it('skips Wednesday evenings that already have a screening', () => {
    const taken = new Set(['2026-12-02-1830', '2026-12-09-1830-huigong-yingyuan']);
    expect(nextWednesdayEvening(new Date('2026-11-28T08:00:00Z'), taken)).toBe('2026-12-16T18:30:00+08:00');
  });

  it('names a screening by its start and reads times as editors type them', () => {
    expect(screeningId('2026-12-02T18:30:00+08:00', 'huigong-yingyuan')).toBe('2026-12-02-1830-huigong-yingyuan');
    expect(parseBeijingTime('2026-12-04 9:05')).toBe('2026-12-04T09:05:00+08:00');
    expect(parseBeijingTime('下周三')).toBeUndefined();
    expect(beijingIso(new Date('2026-11-30T04:00:00Z'))).toBe('2026-11-30T12:00:00+08:00');
  });
});

describe('newsTemplate', () => {
  const text = newsTemplate({ title: '惠工影院人气旺："抢票"成固定动作', today: '2026-11-28', vocabulary });
  const data = frontmatter(text);

  it('is a valid draft dated today, whatever the title’s quotes', () => {
    const story = newsSchema(vocabulary).parse(data);
    expect(story).toMatchObject({ title: '惠工影院人气旺："抢票"成固定动作', draft: true, regions: ['四川'], column: '要闻' });
    expect(data.date).toBe('2026-11-28');
  });
});

describe('the other templates', () => {
  it('write the fields a new entry needs', () => {
    const honor = parse(honorTemplate({ name: '姚婕', vocabulary, honorNames, story: 'a' }));
    expect(honor).toMatchObject({ name: '姚婕', kind: 'person', honors: [{ name: '党的二十大代表' }], asPrinted: '姚婕', stories: ['a'] });
    const program = frontmatter(programTemplate({ title: '职工书屋', vocabulary, story: 'a' }));
    expect(program).toMatchObject({ title: '职工书屋', howTo: [], keyFigures: [], stories: ['a'], order: 100 });
    const screening = parse(
      screeningTemplate({ id: 'x', title: '示例影片', hall: 'huigong-yingyuan', startsAt: '2026-12-02T18:30:00+08:00' }),
    );
    expect(screening).toMatchObject({ id: 'x', film: { title: '示例影片', runtimeMinutes: 120 }, hall: 'huigong-yingyuan', startsAt: '2026-12-02T18:30:00+08:00' });
  });

  it('gives the release time the rule sets, so editors know what leaving releaseAt out means', () => {
    expect(releaseByRule('2026-12-02T18:30:00+08:00')).toBe('2026-11-30T12:00:00+08:00');
  });
});
