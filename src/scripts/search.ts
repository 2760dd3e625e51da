/**
 * The search page's script: asks the search API (GET /api/search, docs/api.md) for the ?q= query (from this
 * page's form or the header's) and lists typed results (新闻, 光荣榜, 服务项目, 影院) with an excerpt, and for
 * stories their date. Narrowing to a type (?type=), the newest first (?sort=date) and the pages (?page=) are
 * links to this page, so each list has its own URL. A failed search keeps the query and offers 重试.
 */
import { RESULT_TYPES, RESULT_TYPE_ORDER, type ResultType } from '../search/result-types';
import { readSearchParams, searchApiUrl, searchPageHref, type SearchPageParams } from '../search/search-page-params';
import { failureStatus, foundInAllTypes, pageCount, resultStatus, SEARCHING, type SearchFailure } from '../search/search-page-status';
import type { SearchAnswer, SearchResult } from '../search/search-request';
import { excerptParts } from '../search/excerpt-parts';
import { formatFigureDate } from '../programs/figure-date';

/** Longer than this on a phone network, and the reader is better served by 重试 than by waiting. */
const TIMEOUT_MS = 20_000;

function resultItem(result: SearchResult): HTMLLIElement {
  const item = document.createElement('li');
  const type = document.createElement('span');
  type.className = 'type';
  type.textContent = RESULT_TYPES[result.type]?.label ?? '';
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.title;
  item.append(type, link);
  // Stories only: other pages' first date is a screening's or a figure's, not when the page was written.
  if (result.date && result.type === 'news') {
    const date = document.createElement('time');
    date.className = 'meta';
    date.dateTime = result.date;
    date.textContent = formatFigureDate(result.date);
    item.append(date);
  }
  if (result.excerpt) {
    const excerpt = document.createElement('p');
    // As text and <mark>s only (excerpt-parts.ts): nothing in an answer is put in as HTML.
    excerpt.append(
      ...excerptParts(result.excerpt).map(({ text, marked }) => (marked ? Object.assign(document.createElement('mark'), { textContent: text }) : document.createTextNode(text))),
    );
    item.append(excerpt);
  }
  return item;
}

/**
 * 全部 and each type with results, as links that keep the query: a reader narrows without a form. Only
 * stories are dated, so by date the list is the stories (新闻 is the chip that is current) and every
 * other chip, 全部 too, lists its pages by relevance.
 */
function typeLinks(params: SearchPageParams, counts: SearchAnswer['counts']): HTMLLIElement[] {
  const current = params.type ?? (params.byDate ? 'news' : undefined);
  const link = (label: string, count: number, type: ResultType | undefined) => {
    const item = document.createElement('li');
    const a = document.createElement('a');
    a.href = searchPageHref({ ...params, type, byDate: params.byDate && type === 'news', page: 1 });
    a.textContent = `${label}（${count}）`;
    if (type === current) a.setAttribute('aria-current', 'page');
    item.append(a);
    return item;
  };
  // The chosen type stays listed at （0）, so the reader sees where they are and 全部 is one tap away.
  const types = RESULT_TYPE_ORDER.filter((type) => type === current || counts[type] > 0);
  return [link('全部', foundInAllTypes(counts), undefined), ...types.map((type) => link(RESULT_TYPES[type].label, counts[type], type))];
}

/** 相关度 · 时间（仅新闻）: the same query in the other order, from its first page; by date, the stories. */
function showSortLinks(nav: HTMLElement, params: SearchPageParams): void {
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[data-sort]')) {
    const byDate = link.dataset.sort === 'date';
    const type = byDate && params.type !== 'news' ? undefined : params.type;
    link.href = searchPageHref({ ...params, type, byDate, page: 1 });
    if (byDate === params.byDate) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
  nav.hidden = false;
}

/** 上一页 · 第 n 页，共 m 页 · 下一页, each a link with ?page=; hidden when there is one page. */
function showPager(nav: HTMLElement, params: SearchPageParams, pages: number): void {
  const prev = nav.querySelector<HTMLAnchorElement>('a[rel="prev"]')!;
  const next = nav.querySelector<HTMLAnchorElement>('a[rel="next"]')!;
  // Past the last page (an old link), 上一页 leads back to the last one.
  const previous = Math.min(params.page - 1, pages);
  prev.hidden = previous < 1;
  prev.href = searchPageHref({ ...params, page: Math.max(previous, 1) });
  next.hidden = params.page >= pages;
  next.href = searchPageHref({ ...params, page: params.page + 1 });
  // Two pieces that each stay on one line: at large text the line breaks after the comma.
  const pieces = [`第 ${params.page} 页，`, `共 ${pages} 页`].map((text) => Object.assign(document.createElement('span'), { textContent: text }));
  nav.querySelector('[data-where]')!.replaceChildren(...pieces);
  nav.hidden = pages <= 1 && params.page <= 1;
}

/** The API's answer, or why there is none. */
async function fetchAnswer(params: SearchPageParams): Promise<{ answer: SearchAnswer } | { failure: SearchFailure }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(searchApiUrl(params), { signal: abort.signal });
  } catch {
    return { failure: navigator.onLine === false ? { kind: 'offline' } : { kind: 'network' } };
  } finally {
    clearTimeout(timer);
  }
  const body = (await response.json().catch(() => undefined)) as (SearchAnswer & { error?: { message?: string } }) | undefined;
  if (response.ok && Array.isArray(body?.results)) return { answer: body };
  const message = body?.error?.message;
  if (response.status === 400 && message) return { failure: { kind: 'refused', message } };
  return { failure: { kind: 'server', status: response.ok ? undefined : response.status } };
}

export async function startSearch(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#search-query');
  const status = document.querySelector<HTMLElement>('#search-status');
  const retry = document.querySelector<HTMLButtonElement>('#search-retry');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const types = document.querySelector<HTMLElement>('#search-types');
  const sort = document.querySelector<HTMLElement>('#search-sort');
  const pager = document.querySelector<HTMLElement>('#search-pages');
  const browse = document.querySelector<HTMLElement>('#search-browse');
  if (!input || !status || !retry || !list || !types || !sort || !pager || !browse) return;
  const params = readSearchParams(new URLSearchParams(window.location.search));
  input.value = params.query;
  if (!params.query) return;

  const run = async () => {
    window.removeEventListener('online', run);
    retry.hidden = true;
    status.className = 'meta';
    status.textContent = SEARCHING;
    list.setAttribute('aria-busy', 'true');
    const outcome = await fetchAnswer(params);
    list.removeAttribute('aria-busy');
    if ('failure' in outcome) {
      // Set apart from the quiet status line: the reader has something to do.
      status.className = 'message';
      status.textContent = failureStatus(outcome.failure);
      // A refused query (too long…) is fixed in the box, not by asking again.
      retry.hidden = outcome.failure.kind === 'refused';
      if (outcome.failure.kind === 'offline') window.addEventListener('online', run, { once: true });
      return;
    }
    const { answer } = outcome;
    const found = foundInAllTypes(answer.counts) > 0;
    list.replaceChildren(...answer.results.map(resultItem));
    types.querySelector('ul')!.replaceChildren(...(found ? typeLinks(params, answer.counts) : []));
    types.hidden = !found;
    // The chips' row scrolls sideways: bring the current one in (影院（0） may be last).
    types.querySelector('[aria-current]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (found) showSortLinks(sort, params);
    if (answer.total > 0) showPager(pager, params, pageCount(answer));
    browse.hidden = found;
    status.textContent = resultStatus(answer, params);
  };
  retry.addEventListener('click', run);
  await run();
}
