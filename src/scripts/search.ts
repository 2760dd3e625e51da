/**
 * The search page's script: runs the ?q= query (from this page's form or the header's) against the
 * Pagefind index built by `npm run build`, and lists the matching stories.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 20;
// A runtime URL: the index is written after the site is bundled, so the bundler must not resolve it.
const PAGEFIND_URL = '/pagefind/pagefind.js';

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  // Pagefind escapes the page text and adds only <mark> around matches.
  excerpt.innerHTML = data.excerpt;
  item.append(link, excerpt);
  return item;
}

export async function startSearch(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#search-query');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!input || !status || !list) return;
  const query = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
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
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  list.replaceChildren(...results.map(resultItem));
  status.textContent =
    search.results.length === 0
      ? `没有找到与“${query}”相关的新闻，换个关键词试试。`
      : `找到 ${search.results.length} 篇与“${query}”相关的新闻${search.results.length > MAX_RESULTS ? `，显示前 ${MAX_RESULTS} 篇` : ''}。`;
}
