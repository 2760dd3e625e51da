import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/** What an `astro build` reads from the project besides the content folder (passed by absolute path). */
const PROJECT_SOURCES = ['src', 'functions', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'keystatic.config.ts'];

/**
 * A copy of the project for one part of a build made in parts, at `dir`. Astro writes the content
 * modules' list into `<root>/.astro/` whatever the cache and output folders, so two builds from one
 * root at once overwrite each other's: each part gets a root of its own. The sources are copied (2 MB;
 * Vite takes a symlinked folder for files outside the root), node_modules is linked.
 */
export function createPartWorkspace(projectRoot: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of PROJECT_SOURCES) cpSync(path.join(projectRoot, name), path.join(dir, name), { recursive: true });
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
