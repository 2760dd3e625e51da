/**
 * What the search page's status line says (it is a live region: a screen reader hears it whenever it
 * changes): how many results there are and which page this is, that nothing was found, or why the search
 * did not run and what to do about it. Readers are mostly on phones inside WeChat, often on a weak
 * network, so a failure says whether it is theirs (offline, slow) or ours, and offers 重试.
 */
import { RESULT_TYPES } from './result-types';
import { MAX_PAGE } from './search-limits';
import type { SearchPageParams } from './search-page-params';
import type { SearchAnswer } from './search-request';

/** The parts of the API's answer (GET /api/search) the status line reads. */
export type AnswerCounts = Pick<SearchAnswer, 'total' | 'pageSize' | 'counts' | 'fellBack'> & { results: readonly unknown[] };

export const SEARCHING = '正在搜索…';

/** How many pages of results a reader can turn to (at least 1; the API stops at MAX_PAGE). */
export function pageCount({ total, pageSize }: Pick<AnswerCounts, 'total' | 'pageSize'>): number {
  return Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / pageSize)));
}

/** Results of the query in all types, whatever type is chosen. */
export function foundInAllTypes(counts: SearchAnswer['counts']): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

export function resultStatus(answer: AnswerCounts, { query, type, byDate, page }: SearchPageParams): string {
  const all = foundInAllTypes(answer.counts);
  if (all === 0) return `没有找到与“${query}”相关的内容。换个关键词试试，或从下面的栏目浏览。`;
  // By date, all types means the stories: only they have dates.
  const what = type ? RESULT_TYPES[type].label : byDate ? RESULT_TYPES.news.label : '内容';
  if (answer.total === 0) return `${what}里没有与“${query}”相关的结果；全部类型里有 ${all} 条。`;
  const pages = pageCount(answer);
  if (answer.results.length === 0) return `第 ${page} 页已没有结果：与“${query}”相关的${what}共 ${answer.total} 条，${pages} 页。`;
  const listed = pages * answer.pageSize;
  const where = (pages > 1 ? `，这是第 ${page} 页，共 ${pages} 页` : '') + (answer.total > listed ? `（可翻看前 ${listed} 条，换个更具体的关键词可以找得更准）` : '');
  // The exact phrase is nowhere: say so, or a reader takes 工会 … 驿站 apart for the phrase they typed.
  const loose = answer.fellBack ? `没有完全一致的“${query}”，下面的结果分别含有其中的字词。` : '';
  return `找到 ${answer.total} 条与“${query}”相关的${what}${where}。${loose}`;
}

export type SearchFailure =
  /** The phone says it has no network (WeChat offline, flight mode). */
  | { kind: 'offline' }
  /** The request failed or took too long on the way. */
  | { kind: 'network' }
  /** The API refused the query (400) with its own message. */
  | { kind: 'refused'; message: string }
  /** The API answered something other than a result list: a 5xx, or no JSON (a captive portal's page). */
  | { kind: 'server'; status?: number };

export function failureStatus(failure: SearchFailure): string {
  switch (failure.kind) {
    case 'offline':
      return '手机没有连上网络，暂时无法搜索。连上网络后点“重试”。';
    case 'network':
      return '网络不畅，搜索没有完成。请稍后点“重试”。';
    case 'refused':
      return failure.message;
    case 'server':
      return `搜索服务暂时出了问题${failure.status ? `（${failure.status}）` : ''}，请稍后点“重试”。`;
  }
}
