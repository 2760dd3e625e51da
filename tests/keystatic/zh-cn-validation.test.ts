import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdsValidationMessages, rewriteValidationMessages, ZH_CN_VALIDATION } from '../../src/keystatic/zh-cn-validation';

// The installed Keystatic's browser bundles (not its node, worker or react-server builds): what the editor runs.
const dist = 'node_modules/@keystatic/core/dist';
const browserCode = readdirSync(dist)
  .filter((file) => /^[\w-]+\.js$/.test(file) && !/\.(node|worker|react-server)\.js$/.test(file))
  .map((file) => readFileSync(path.join(dist, file), 'utf8'))
  .filter(holdsValidationMessages)
  .join('\n');

describe('rewriteValidationMessages', () => {
  it.each(Object.keys(ZH_CN_VALIDATION))('finds %s in the installed editor (an upgrade that changes it fails here)', (english) => {
    expect(browserCode).toContain(english);
  });

  it('leaves none of them in English, and writes each as a template with the same placeholders', () => {
    const rewritten = rewriteValidationMessages(browserCode);
    for (const [english, chinese] of Object.entries(ZH_CN_VALIDATION)) {
      expect(rewritten).not.toContain(english);
      expect(rewritten).toContain(chinese);
      const placeholders = (text: string) => [...text.matchAll(/\$\{[^}]+\}/g)].map((match) => match[0]).sort();
      expect(placeholders(chinese)).toEqual(placeholders(english));
      expect(chinese).toMatch(/\p{Script=Han}/u);
    }
  });
});
