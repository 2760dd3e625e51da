import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// `from './x'`, `import './x'`, `import('./x')`: the relative imports a module runs.
const RELATIVE_IMPORT = /(?:from\s*|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function resolveImport(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  return [base, `${base}.ts`, `${base}.js`, `${base}.mjs`, path.join(base, 'index.ts')].find((file) => existsSync(file) && statSync(file).isFile());
}

/** `entries` (src/content.config.ts, astro.config.mjs) and every module they import, followed through relative imports. */
export function contentCodeFiles(entries: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolveImport(file, specifier!);
      if (target) visit(target);
    }
  };
  for (const entry of entries) visit(path.resolve(entry));
  return files;
}

/**
 * A digest of the code that decides what the content layer stores: the content config and the Astro
 * config (its Markdown pipeline renders plain stories into the store), with what they import. Astro
 * clears its content cache when content.config.ts itself or the Astro config's plain values change, not
 * the loaders, schemas and plugins they import: a part's cache filled before the stories were shared out
 * differently, or before excerptSource changed, would keep serving what that code stored (a story this
 * part now renders, stored as its excerpt, would have no body). So it names each part's cache (part-caches.ts).
 */
export function contentCodeDigest(entries: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of contentCodeFiles(entries)) hash.update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}
