import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pageHtml, type Archive } from './archive.ts';

/** Writes the archive's pages under `dir` (dir/news/ID/index.html …), as a built site holds them. */
export function writeArchive(dir: string, archive: Archive): void {
  for (const page of [...archive.stories, ...archive.programs]) {
    const folder = path.join(dir, page.url);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), pageHtml(page));
  }
}
