import { describe, expect, it } from 'vitest';
import { termLink } from '../../src/news/term-links';

const vocabulary = {
  regions: [{ name: '四川', slug: 'sichuan' }],
  columns: [{ name: '要闻', slug: 'yaowen' }],
  tags: [{ name: '工会驿站', slug: 'gonghui-yizhan' }],
};

describe('termLink', () => {
  it('links a term to its facet page by slug', () => {
    expect(termLink(vocabulary, 'tags', '工会驿站')).toEqual({ name: '工会驿站', href: '/tags/gonghui-yizhan/' });
    expect(termLink(vocabulary, 'regions', '四川').href).toBe('/regions/sichuan/');
  });

  it('refuses a name outside the vocabulary', () => {
    expect(() => termLink(vocabulary, 'columns', '不存在')).toThrow(/不存在/);
  });
});
