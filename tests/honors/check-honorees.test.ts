import { describe, expect, it } from 'vitest';
import { honoreeIdProblems, honoreesInStory, withPublishedStories } from '../../src/honors/check-honorees';
import { makeHonoree } from '../helpers/honoree';

describe('honoreeIdProblems', () => {
  it('accepts pinyin file names', () => {
    expect(honoreeIdProblems([{ id: 'yao-jie' }, { id: 'jianpuzhai-xianli-wuge-jichang-yizhan' }])).toEqual([]);
  });

  it('names a file whose name is not ASCII pinyin', () => {
    expect(honoreeIdProblems([{ id: '姚婕' }, { id: 'Yao_Jie' }])).toEqual([
      'content/honors/姚婕.yaml：文件名应为小写拼音加连字符，如 yao-jie.yaml',
      'content/honors/Yao_Jie.yaml：文件名应为小写拼音加连字符，如 yao-jie.yaml',
    ]);
  });

  it('refuses names that would shadow a filter folder', () => {
    expect(honoreeIdProblems([{ id: 'year' }, { id: 'honor' }])).toHaveLength(2);
  });
});

describe('withPublishedStories', () => {
  const a = makeHonoree('a', { stories: [{ id: 'live', collection: 'news' }] });
  const b = makeHonoree('b', { stories: [{ id: 'draft', collection: 'news' }] });
  const c = makeHonoree('c', { stories: [{ id: 'draft', collection: 'news' }, { id: 'live', collection: 'news' }] });

  it('keeps honorees with at least one published story', () => {
    expect(withPublishedStories([a, b, c], new Set(['live']))).toEqual([a, c]);
  });
});

describe('honoreesInStory', () => {
  const yao = makeHonoree('yao', { name: '姚婕', stories: [{ id: 'hubei', collection: 'news' }] });
  const gao = makeHonoree('gao', { name: '高兴泽', stories: [{ id: 'hubei', collection: 'news' }] });
  const other = makeHonoree('other', { name: '某某', stories: [{ id: 'yunnan', collection: 'news' }] });
  const body = '活动现场邀请了……姚婕……湖北省劳模协会会长高兴泽结合自己……';

  it('finds the honorees whose records cite the story', () => {
    expect(honoreesInStory([gao, other, yao], 'yunnan')).toEqual([other]);
  });

  it('lists them in the order the story names them', () => {
    expect(honoreesInStory([gao, other, yao], 'hubei', body)).toEqual([yao, gao]);
  });

  it('puts names the text does not spell out last', () => {
    const unnamed = makeHonoree('unnamed', { name: '不在文中', stories: [{ id: 'hubei', collection: 'news' }] });
    expect(honoreesInStory([unnamed, gao, yao], 'hubei', body)).toEqual([yao, gao, unnamed]);
  });
});
