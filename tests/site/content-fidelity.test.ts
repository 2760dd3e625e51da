import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readFrontmatter } from '../helpers/frontmatter';
import { storyText, yamlEntries } from '../helpers/content';

// The honor rolls and program pages may only say what the seed page's stories say: every name, title,
// figure and date below must be found verbatim in the story the record cites.
const honorees = yamlEntries('content/honors');
const totals = yamlEntries('content/honor-totals');
const programs = readdirSync('content/programs')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => [name.replace(/\.mdx$/, ''), readFrontmatter(path.join('content/programs', name)) as Record<string, any>] as const);
const storyDate = (id: string) => {
  const date = (readFrontmatter(`content/news/${id}.mdx`) as { date: string | Date }).date;
  return date instanceof Date ? date.toISOString().slice(0, 10) : String(date);
};

describe('the honor roll', () => {
  it('holds exactly the honorees the seed names', () => {
    expect(honorees.map(([, data]) => data.name).sort()).toEqual(
      ['姚婕', '秦环兵', '周功建', '王效知', '高兴泽', '柬埔寨暹粒吴哥国际机场项目工会驿站'].sort(),
    );
  });

  describe.each(honorees)('%s', (_, data) => {
    const texts = (data.stories as string[]).map((id) => storyText(id));

    it('quotes its introduction verbatim from a story it cites', () => {
      expect(texts.some((text) => text.includes(data.asPrinted))).toBe(true);
      expect(data.asPrinted).toContain(data.name);
    });

    it('takes each honor, conferring body and year from that quotation', () => {
      for (const honor of data.honors) {
        expect(data.asPrinted).toContain(honor.printed ?? honor.name);
        if (honor.conferredBy) expect(data.asPrinted).toContain(honor.conferredBy);
        if (honor.year) expect(data.asPrinted).toContain(String(honor.year));
      }
    });

    it('prints employer and position as the story does', () => {
      const line = `${data.employer ?? ''}${data.position ?? ''}`;
      if (line) expect(texts.some((text) => text.includes(line))).toBe(true);
    });
  });
});

describe('aggregate honor figures', () => {
  it.each(totals)('%s are printed in their source story', (_, data) => {
    const text = storyText(data.sourceStory);
    for (const figure of data.figures) expect(text).toContain(`${figure.honor}${figure.value}${figure.unit}`);
    expect(text).toContain(`${data.subject}`);
    expect(text).toContain(`${data.date}`);
    expect(text).toContain(data.action);
  });
});

describe('program key figures', () => {
  describe.each(programs)('%s', (_, data) => {
    it.each(data.keyFigures as Record<string, string>[])('$value$unit ($label) is printed in its source story', (figure) => {
      expect(storyText(figure.sourceStory!)).toContain(`${figure.value}${figure.unit}`);
    });

    it.each(data.keyFigures as Record<string, string>[])('$value$unit is dated as printed, or by its story', (figure) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(figure.date!)) expect(figure.date).toBe(storyDate(figure.sourceStory!));
      else expect(storyText(figure.sourceStory!)).toContain(figure.date);
    });
  });

  it('give the cinema the figures of its story', () => {
    const cinema = Object.fromEntries(programs)['huigong-yingyuan']!;
    expect(cinema.keyFigures.map((f: Record<string, string>) => `${f.value}${f.unit}`)).toEqual(
      expect.arrayContaining(['216场次', '73场次', '2.79万人次', '42场次', '380余人次']),
    );
  });

  it('give the stations the figures of their story', () => {
    const stations = Object.fromEntries(programs)['nuanfeng-yizhan']!;
    expect(stations.keyFigures.map((f: Record<string, string>) => `${f.value}${f.unit}`)).toEqual(
      expect.arrayContaining(['170个', '不少于1104个', '1公里', '15分钟']),
    );
  });
});
