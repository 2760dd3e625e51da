import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { executableScripts } from '../helpers/dist';
import { run } from '../helpers/run';

// A production build of a fixture whose one story's title would end a script element if written raw.
const TITLE = '标题</script><script>alert(1)</script>';
const outDir = mkdtempSync(path.join(tmpdir(), 'huigong-json-ld-'));

beforeAll(() => {
  const { status, output } = run('astro', ['build'], { HUIGONG_CONTENT_DIR: 'tests/fixtures/content-hostile-title', HUIGONG_OUT_DIR: outDir });
  expect(status, output).toBe(0);
}, 180_000);

describe('JSON-LD in a built page', () => {
  it('keeps a title holding </script> inside its data block, and the page runs no script of it', () => {
    const page = parse(readFileSync(path.join(outDir, 'news/hostile/index.html'), 'utf8'));
    const blocks = page.querySelectorAll('script[type="application/ld+json"]');
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]!.rawText).headline).toBe(TITLE);
    expect(executableScripts(page).some((script) => script.rawText.includes('alert(1)'))).toBe(false);
    // Elsewhere the title is text or a quoted attribute, where Astro's escaping already holds.
    expect(page.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(TITLE);
  });
});
