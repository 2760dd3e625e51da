import { describe, expect, it } from 'vitest';
import { failureStatus, pageCount, resultStatus, type AnswerCounts } from '../../src/search/search-page-status';
import type { SearchPageParams } from '../../src/search/search-page-params';

const counts = { news: 30, honors: 2, programs: 1, cinema: 4 };
const answer = (over: Partial<AnswerCounts> = {}): AnswerCounts => ({ total: 37, pageSize: 20, counts, fellBack: false, results: [{}], ...over });
const params = (over: Partial<SearchPageParams> = {}): SearchPageParams => ({ query: '惠工影院', byDate: false, page: 1, ...over });

describe('pageCount', () => {
  it('counts whole pages, at least one, at most the 50 the API serves', () => {
    expect(pageCount({ total: 0, pageSize: 20 })).toBe(1);
    expect(pageCount({ total: 20, pageSize: 20 })).toBe(1);
    expect(pageCount({ total: 21, pageSize: 20 })).toBe(2);
    expect(pageCount({ total: 5000, pageSize: 20 })).toBe(50);
  });
});

describe('resultStatus', () => {
  it('says how many were found, and which page this is when there are several', () => {
    expect(resultStatus(answer({ total: 7 }), params())).toBe('找到 7 条与“惠工影院”相关的内容。');
    expect(resultStatus(answer(), params({ page: 2 }))).toBe('找到 37 条与“惠工影院”相关的内容，这是第 2 页，共 2 页。');
  });

  it('says how far a reader can page when there are more results than that', () => {
    expect(resultStatus(answer({ total: 3000 }), params())).toBe(
      '找到 3000 条与“惠工影院”相关的内容，这是第 1 页，共 50 页（可翻看前 1000 条，换个更具体的关键词可以找得更准）。',
    );
  });

  it('names the chosen type, and the stories when listed by date', () => {
    expect(resultStatus(answer({ total: 2 }), params({ type: 'honors' }))).toBe('找到 2 条与“惠工影院”相关的光荣榜。');
    expect(resultStatus(answer({ total: 30 }), params({ byDate: true }))).toBe('找到 30 条与“惠工影院”相关的新闻，这是第 1 页，共 2 页。');
  });

  it('says nothing was found and points to the ways to browse', () => {
    const none = answer({ total: 0, counts: { news: 0, honors: 0, programs: 0, cinema: 0 }, results: [] });
    expect(resultStatus(none, params({ query: '恐龙' }))).toBe('没有找到与“恐龙”相关的内容。换个关键词试试，或从下面的栏目浏览。');
  });

  it('says when the chosen type has nothing but others do', () => {
    expect(resultStatus(answer({ total: 0, results: [] }), params({ type: 'cinema' }))).toBe('影院里没有与“惠工影院”相关的结果；全部类型里有 37 条。');
  });

  it('says when a page is past the last one', () => {
    expect(resultStatus(answer({ results: [] }), params({ page: 9 }))).toBe('第 9 页已没有结果：与“惠工影院”相关的内容共 37 条，2 页。');
  });

  it('says when the exact phrase was nowhere and its pieces were searched', () => {
    expect(resultStatus(answer({ total: 3, fellBack: true }), params({ query: '工会 驿站' }))).toBe(
      '找到 3 条与“工会 驿站”相关的内容。没有完全一致的“工会 驿站”，下面的结果分别含有其中的字词。',
    );
  });
});

describe('failureStatus', () => {
  it('tells offline from a failed request from our failure, each with 重试', () => {
    expect(failureStatus({ kind: 'offline' })).toMatch(/没有连上网络.*重试/);
    expect(failureStatus({ kind: 'network' })).toMatch(/网络不畅.*重试/);
    expect(failureStatus({ kind: 'server', status: 503 })).toBe('搜索服务暂时出了问题（503），请稍后点“重试”。');
    expect(failureStatus({ kind: 'server' })).toBe('搜索服务暂时出了问题，请稍后点“重试”。');
  });

  it('gives the API’s own message for a refused query', () => {
    expect(failureStatus({ kind: 'refused', message: '搜索词太长。' })).toBe('搜索词太长。');
  });
});
