import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Reads the production build; `npm test` runs `npm run build` first. */
export function distDir(dir = 'dist'): string {
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: run npm run build first`);
  return dir;
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

export function readPage(dir: string, file: string): HTMLElement {
  return parse(readFileSync(path.join(dir, file), 'utf8'));
}

/** `news/a/index.html` → `/news/a/` */
export function pathOf(file: string): string {
  return `/${file.replace(/index\.html$/, '')}`;
}

/** Scripts that run: everything but JSON-LD data blocks. */
export function executableScripts(page: HTMLElement): HTMLElement[] {
  return page.querySelectorAll('script').filter((script) => script.getAttribute('type') !== 'application/ld+json');
}
