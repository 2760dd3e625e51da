/**
 * The search page's script: runs the ?q= query (from this page's form or the header's) against the
 * sharded search index built by `npm run build` (scripts/search-index.ts), lists typed results (新闻,
 * 光荣榜, 服务项目, 影院) with a snippet from each page's body, narrows to one type with ?type= and lists
 * the newest first with ?sort=date (dated pages only: the stories).
 */
import { RESULT_TYPES, RESULT_TYPE_ORDER, TYPE_FILTER, type ResultType } from '../search/result-types';
import { resultSnippet } from '../search/result-snippet';
import { decodeFromIndex } from '../search/han-bigrams';
import { openIndex } from '../search/open-index';
import { searchPhraseFirst } from '../search/phrase-first';

interface PagefindResultData {
  url: string;
  /** The page's indexed text. */
  content: string;
  meta: { title?: string; kicker?: string; subtitle?: string; keywords?: string; summary?: string };
  filters: Record<string, string[]>;
}
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  /** Results of each filter value for the query, whatever filter is applied. */
  totalFilters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string, options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
}

const MAX_RESULTS = 20;

/** A result's text and metadata as written: the index holds Chinese in character pairs. */
function decoded(data: PagefindResultData): PagefindResultData {
  const meta = Object.fromEntries(Object.entries(data.meta).map(([key, value]) => [key, value === undefined ? value : decodeFromIndex(value)]));
  return { ...data, content: decodeFromIndex(data.content), meta };
}

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
function typeLinks(query: string, counts: Record<string, number>, current: ResultType | undefined, byDate: boolean): HTMLLIElement[] {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const link = (label: string, count: number, type: ResultType | undefined) => {
    const item = document.createElement('li');
    const a = document.createElement('a');
    const params = new URLSearchParams({ q: query });
    if (type) params.set('type', type);
    if (byDate) params.set('sort', 'date');
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

/** 按相关度 · 按时间: the same query and type in the other order. */
function showSortLinks(nav: HTMLElement, query: string, type: ResultType | undefined, byDate: boolean, show: boolean): void {
  nav.hidden = !show;
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[data-sort]')) {
    const params = new URLSearchParams({ q: query });
    if (type) params.set('type', type);
    if (link.dataset.sort === 'date') params.set('sort', 'date');
    link.href = `?${params}`;
    const current = (link.dataset.sort === 'date') === byDate;
    if (current) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}

export async function startSearch(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#search-query');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const types = document.querySelector<HTMLElement>('#search-types');
  const browse = document.querySelector<HTMLElement>('#search-browse');
  const sort = document.querySelector<HTMLElement>('#search-sort');
  if (!input || !status || !list || !types || !browse || !sort) return;
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
    pagefind = await openIndex<Pagefind>();
  } catch {
    status.textContent = '搜索索引不可用：它在生产构建（npm run build）时生成。';
    return;
  }
  // Loads the type filter's index, without which a search reports no counts per type.
  await pagefind.filters();
  const byDate = params.get('sort') === 'date';
  // Only stories have dates: by date, 全部 lists the stories (Pagefind would put the undated pages among them).
  const filters: Record<string, string> = type ? { [TYPE_FILTER]: RESULT_TYPES[type].label } : byDate ? { [TYPE_FILTER]: RESULT_TYPES.news.label } : {};
  const search = await searchPhraseFirst(pagefind, query, { filters, ...(byDate ? { sort: { date: 'desc' } } : {}) });
  const results = (await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()))).map(decoded);
  list.replaceChildren(...results.map((data) => resultItem(data, query)));
  const counts = search.totalFilters[TYPE_FILTER] ?? {};
  const found = Object.values(counts).reduce((sum, n) => sum + n, 0);
  types.hidden = found === 0;
  types.querySelector('ul')!.replaceChildren(...(found > 0 ? typeLinks(query, counts, type, byDate) : []));
  browse.hidden = found > 0;
  showSortLinks(sort, query, type, byDate, found > 0);
  const shown = search.results.length;
  const what = type ? RESULT_TYPES[type].label : '内容';
  status.textContent =
    found === 0
      ? `没有找到与“${query}”相关的内容。换个关键词试试，或从下面的栏目浏览。`
      : shown === 0
        ? `${what}里没有与“${query}”相关的结果；全部类型里有 ${found} 条。`
        : `找到 ${shown} 条与“${query}”相关的${what}${shown > MAX_RESULTS ? `，显示前 ${MAX_RESULTS} 条` : ''}。`;
}
