import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/content-check/yaml-source';

const text = `title: 标题
date: 2023-09-14
regions:
  - 四川
  - 山西
honors:
  - { name: 全国劳模, year: 20 }
`;

describe('parseYamlSource', () => {
  const source = parseYamlSource(text, 2, 1);

  it('reads dates as dates, like Astro’s frontmatter parser', () => {
    expect(source.data).toMatchObject({ title: '标题', date: new Date('2023-09-14T00:00:00Z') });
  });

  it('names the line of a key, an item and a nested value, counted from the first line given', () => {
    expect(source.lineAt(['title'])).toBe(2);
    expect(source.lineAt(['regions'])).toBe(4);
    expect(source.lineAt(['regions', 1])).toBe(6);
    expect(source.lineAt(['honors', 0, 'year'])).toBe(8);
  });

  it('names the closest line for a field that is missing, and the root line for a missing top-level field', () => {
    expect(source.lineAt(['honors', 0, 'printed'])).toBe(8);
    expect(source.lineAt(['subtitle'])).toBe(1);
  });

  it('reports a syntax error in Chinese on the line that opened the quote', () => {
    const broken = parseYamlSource('title: 标题\nsummary: "没有闭合\nregions: [四川]\n');
    expect(broken.data).toBeUndefined();
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]).toMatchObject({ line: 2, message: expect.stringContaining('引号没有成对') });
  });

  it('reports a key written twice', () => {
    const twice = parseYamlSource('title: 甲\ntitle: 乙\n');
    expect(twice.errors[0]).toMatchObject({ line: 2, message: expect.stringContaining('同一项写了两次') });
  });
});
