import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { holdsKeystaticStrings, rewriteZhCnStrings, ZH_CN_STRINGS } from '../../src/keystatic/zh-cn-strings';

// The installed Keystatic's browser bundle: the module the editor's dev build rewrites.
const dist = 'node_modules/@keystatic/core/dist';
const bundles = readdirSync(dist)
  .filter((file) => file.endsWith('.js'))
  .map((file) => ({ file, code: readFileSync(path.join(dist, file), 'utf8') }))
  .filter(({ code }) => holdsKeystaticStrings(code));

describe('rewriteZhCnStrings', () => {
  it('finds the installed Keystatic string dictionaries', () => {
    expect(bundles.map(({ file }) => file)).not.toEqual([]);
  });

  it.each(bundles)('rewrites $file: Save reads 保存, Collections 内容类别, and every English string has a translation', ({ code }) => {
    const rewritten = rewriteZhCnStrings(code);
    const zhCn = /"zh-CN": \{([\s\S]*?)\n {2}\}/.exec(rewritten)![1]!;
    expect(zhCn).toContain('"save": "保存"');
    expect(zhCn).toContain('"collections": "内容类别"');
    expect(zhCn).not.toContain('节省');
    expect(rewritten.length - code.length).toBeLessThan(2000);
  });

  it('fails loudly when an upgrade adds a string or moves the dictionary', () => {
    const code = bundles[0]!.code;
    expect(() => rewriteZhCnStrings(code.replace('"en-US": {\n', '"en-US": {\n    "publish": `Publish`,\n'))).toThrow(/界面文字变了/);
    expect(() => rewriteZhCnStrings(code.replace('"zh-CN": {', '"zh-Hans": {'))).toThrow(/不在原来的位置/);
  });

  it('translates every key once', () => {
    expect(Object.values(ZH_CN_STRINGS).every((text) => /\p{Script=Han}/u.test(text))).toBe(true);
  });
});
