import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentCodeDigest, contentCodeFiles } from '../../../scripts/astro-build/content-code';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'content-code-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

describe('the code that fills the content cache', () => {
  it('is the content config and every module it imports, however deep, and nothing else', () => {
    write({
      'src/content.config.ts': "import { glob } from 'astro/loaders';\nimport { excerpt } from './news/excerpt';\nimport type { Part } from './build/part.ts';\n",
      'src/news/excerpt.ts': "export { cut } from '../text/cut';\nconst lazy = () => import('./lazy.js');\n",
      'src/text/cut.ts': 'export const cut = 1;',
      'src/news/lazy.js': '',
      'src/build/part.ts': "import './index-only';",
      'src/build/index-only/index.ts': '',
      'src/pages/index.astro': 'a page',
    });
    const files = contentCodeFiles([path.join(dir, 'src/content.config.ts')]).map((file) => path.relative(dir, file)).sort();
    expect(files).toEqual(['src/build/index-only/index.ts', 'src/build/part.ts', 'src/content.config.ts', 'src/news/excerpt.ts', 'src/news/lazy.js', 'src/text/cut.ts']);
  });

  it('has a digest that changes with a module the config imports deep down, and not with a page', () => {
    write({ 'src/content.config.ts': "import './a';", 'src/a.ts': "import './b';", 'src/b.ts': 'export const length = 200;', 'src/pages/x.astro': 'one' });
    const before = contentCodeDigest([path.join(dir, 'src/content.config.ts')]);
    write({ 'src/pages/x.astro': 'two' });
    expect(contentCodeDigest([path.join(dir, 'src/content.config.ts')])).toBe(before);
    write({ 'src/b.ts': 'export const length = 300;' });
    expect(contentCodeDigest([path.join(dir, 'src/content.config.ts')])).not.toBe(before);
  });

  it('in this project takes in how stories are shared out, what a part keeps of the others and how plain stories are rendered', () => {
    const files = contentCodeFiles(['src/content.config.ts', 'astro.config.mjs']).map((file) => path.relative(process.cwd(), file).split(path.sep).join('/'));
    expect(files).toEqual(expect.arrayContaining(['src/build/build-part.ts', 'src/data/story-part-loader.ts', 'src/news/excerpt.ts', 'src/data/plain-stories-loader.ts', 'src/news/needs-mdx.ts', 'src/schemas/news-schema.ts', 'astro.config.mjs']));
  });
});
