import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLdText } from '../../src/layouts/json-ld';

const HOSTILE = '</script><script>alert(1)</script><!-- \u2028\u2029';

describe('jsonLdText', () => {
  it('writes no `<` and no raw line or paragraph separator, whatever the data holds', () => {
    const text = jsonLdText({ headline: HOSTILE, author: [{ name: '<b>' }] });
    expect(text).not.toContain('<');
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).toContain('\\u003c/script>');
  });

  it('parses back to the same data', () => {
    const data = { '@type': 'NewsArticle', headline: HOSTILE, keywords: '四川,劳模', count: 3 };
    expect(JSON.parse(jsonLdText(data))).toEqual(data);
  });
});

describe('the pages', () => {
  // JSON-LD goes into pages through set:html, which only .astro files have.
  const sources = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.astro'))
      .map((file) => path.join(dir, file));

  it('write every JSON-LD block with jsonLdText, never with JSON.stringify', () => {
    const blocks = sources('src').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.includes('application/ld+json'))
        .map((line) => ({ file, line: line.trim() })),
    );
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block.line, block.file).toMatch(/set:html=\{jsonLdText\(/);
    for (const file of sources('src')) expect(readFileSync(file, 'utf8'), file).not.toMatch(/set:html=\{JSON\.stringify/);
  });
});
