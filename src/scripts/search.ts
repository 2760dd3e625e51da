/**
 * The search page's script: runs the ?q= query (from this page's form or the header's) against the
 * Pagefind index built by `npm run build`, lists typed results (新闻, 光荣榜, 服务项目, 影院) with a
 * snippet from each page's body, and narrows to one type with ?type=.
 */
import { RESULT_TYPES, RESULT_TYPE_ORDER, TYPE_FILTER, type ResultType } from '../search/result-types';
import { resultSnippet } from '../search/result-snippet';

interface PagefindResultData {
  url: string;
  /** The page's indexed text. */
  content: string;
  meta: { title?: string; kicker?: string; subtitle?: string; keywords?: string; summary?: string };
  filters: Record<string, string[]>;
}
interface PagefindSearch {
  results: { data(): Promise<PagefindResultData> }[];
  /** Results of each filter value for the query, whatever filter is applied. */
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
}

const MAX_RESULTS = 20;
// A runtime URL: the index is written after the site is bundled, so the bundler must not resolve it.
const PAGEFIND_URL = '/pagefind/pagefind.js';

function resultItem(data: PagefindResultData, query: string): HTMLLIElement {
  const item = document.createElement('li');
  const type = document.createElement('span');
  type.className = 'type';
  type.textContent = data.filters[TYPE_FILTER]?.[0] ?? '';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  item.append(type, link);
  const { title, kicker, subtitle, keywords, summary } = data.meta;
  const headings = [title, kicker, subtitle, keywords].filter((text): text is string => Boolean(text));
  const snippet = resultSnippet({ content: data.content, headings, summary }, query);
  if (snippet) {
    const excerpt = document.createElement('p');
    // resultSnippet escapes the page's text and adds only <mark>.
    excerpt.innerHTML = snippet;
    item.append(excerpt);
  }
  return item;
}

/** 全部 and each type with results, as links that keep the query: a reader narrows without a form. */
function typeLinks(query: string, counts: Record<string, number>, current: ResultType | undefined): HTMLLIElement[] {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const link = (label: string, count: number, type: ResultType | undefined) => {
    const item = document.createElement('li');
    const a = document.createElement('a');
    const params = new URLSearchParams({ q: query });
    if (type) params.set('type', type);
    a.href = `?${params}`;
    a.textContent = `${label}（${count}）`;
    if (type === current) a.setAttribute('aria-current', 'page');
    item.append(a);
    return item;
  };
  // The chosen type stays listed at （0）, so the reader sees where they are and 全部 is one tap away.
  const types = RESULT_TYPE_ORDER.filter((type) => type === current || (counts[RESULT_TYPES[type].label] ?? 0) > 0);
  return [link('全部', total, undefined), ...types.map((type) => link(RESULT_TYPES[type].label, counts[RESULT_TYPES[type].label] ?? 0, type))];
}

export async function startSearch(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#search-query');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const types = document.querySelector<HTMLElement>('#search-types');
  const browse = document.querySelector<HTMLElement>('#search-browse');
  if (!input || !status || !list || !types || !browse) return;
  const params = new URLSearchParams(window.location.search);
  const query = params.get('q')?.trim() ?? '';
  const typeParam = params.get('type');
  // Own keys only: `in` also finds toString, constructor… on the prototype (and older phones lack Object.hasOwn).
  const type = typeParam && Object.prototype.hasOwnProperty.call(RESULT_TYPES, typeParam) ? (typeParam as ResultType) : undefined;
  input.value = query;
  if (!query) return;

  status.textContent = '正在搜索…';
  let pagefind: Pagefind;
  try {
    pagefind = await import(/* @vite-ignore */ PAGEFIND_URL);
  } catch {
    status.textContent = '搜索索引不可用：它在生产构建（npm run build）时生成。';
    return;
  }
  // Stories are long and repeat their subject often: weigh how often a story names the query more than
  // its length, so 工会驿站 finds the story about 工会驿站 before a short one that mentions 驿站 in passing.
  await pagefind.options({ ranking: { pageLength: 0.2, termSaturation: 1.8 } });
  // Loads the type filter's index, without which a search reports no counts per type.
  await pagefind.filters();
  const filters: Record<string, string> = type ? { [TYPE_FILTER]: RESULT_TYPES[type].label } : {};
  const search = await pagefind.search(query, { filters });
  const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  list.replaceChildren(...results.map((data) => resultItem(data, query)));
  const counts = search.totalFilters[TYPE_FILTER] ?? {};
  const found = Object.values(counts).reduce((sum, n) => sum + n, 0);
  types.hidden = found === 0;
  types.querySelector('ul')!.replaceChildren(...(found > 0 ? typeLinks(query, counts, type) : []));
  browse.hidden = found > 0;
  const shown = search.results.length;
  const what = type ? RESULT_TYPES[type].label : '内容';
  status.textContent =
    found === 0
      ? `没有找到与“${query}”相关的内容。换个关键词试试，或从下面的栏目浏览。`
      : shown === 0
        ? `${what}里没有与“${query}”相关的结果；全部类型里有 ${found} 条。`
        : `找到 ${shown} 条与“${query}”相关的${what}${shown > MAX_RESULTS ? `，显示前 ${MAX_RESULTS} 条` : ''}。`;
}
