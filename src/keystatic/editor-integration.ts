import type { AstroIntegration } from 'astro';
import react from '@astrojs/react';
import keystatic from '@keystatic/astro';
import { holdsKeystaticStrings, rewriteZhCnStrings } from './zh-cn-strings';
import { holdsValidationMessages, rewriteValidationMessages } from './zh-cn-validation';

/** Where the editor opens under `npm run dev`. */
export const EDITOR_PATH = '/keystatic';

/**
 * Adds the browser editor (Keystatic and the React it needs) under `astro dev` only. Keystatic's routes are
 * server routes, which a static build cannot have (it would fail with NoAdapterInstalled), and the public
 * site has no use for them: so `astro build` never loads React or Keystatic, and dist/ and the Worker stay
 * as they were. Under dev, every page also gets a small "编辑" link to the editor.
 */
export function editorUnderDev(): AstroIntegration {
  return {
    name: 'huigong:editor-under-dev',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, injectScript }) => {
        if (command !== 'dev') return;
        // Keystatic's app and API call their routes without a trailing slash, which 'always' would refuse.
        updateConfig({
          integrations: [react({ exclude: ['**/src/components/staff/**'] }), keystatic()],
          trailingSlash: 'ignore',
          // Keystatic is pre-bundled by Vite's dependency optimizer, so its strings are rewritten there too.
          vite: { plugins: [chineseStrings], optimizeDeps: { rolldownOptions: { plugins: [chineseStrings] } } },
        });
        injectScript('page', editorLinkScript);
      },
    },
  };
}

/** Our zh-CN interface strings in place of Keystatic's (why: src/keystatic/zh-cn-strings.ts). */
const chineseStrings = {
  name: 'huigong:keystatic-zh-cn-strings',
  transform(code: string, id: string) {
    if (!id.includes('@keystatic')) return undefined;
    const dictionaries = holdsKeystaticStrings(code);
    const messages = holdsValidationMessages(code);
    if (!dictionaries && !messages) return undefined;
    const strings = dictionaries ? rewriteZhCnStrings(code) : code;
    return { code: messages ? rewriteValidationMessages(strings) : strings, map: null };
  },
};

// On a story, program or honoree page the link opens that entry in the editor.
const editorLinkScript = `
if (!location.pathname.startsWith('${EDITOR_PATH}')) {
  const entry = /^\\/(news|programs|honors)\\/([a-z0-9]+(?:-[a-z0-9]+)*)\\/$/.exec(location.pathname);
  const link = document.createElement('a');
  link.href = entry && !/^\\d+$/.test(entry[2]) ? '${EDITOR_PATH}/collection/' + entry[1] + '/item/' + entry[2] : '${EDITOR_PATH}';
  link.textContent = '编辑';
  link.title = '打开编辑器（只在本机 npm run dev 时出现）';
  link.style.cssText = 'position:fixed;right:.75rem;bottom:.75rem;z-index:99;padding:.4rem .8rem;border-radius:.3rem;background:#8b0000;color:#fff;font-weight:700;text-decoration:none';
  document.body.append(link);
}
`;
