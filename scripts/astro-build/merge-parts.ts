import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Moves a file or folder; across file systems (a temporary folder on its own disk), copies it. */
function move(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true });
  }
}

/**
 * Makes one site in `outDir` from a build made in parts: the shared part's output whole, then each story
 * part's story pages (`news/<id>/`) and its bundled assets (`_astro/`, named by their content). The fixed
 * pages a story part also made are dropped, the shared part's being the ones kept. Anything that would be
 * lost or overwritten stops the merge: a story page two parts made, an asset of the same name with other
 * bytes, a page only a story part made. The parts are merged in the shared part's folder, `finish` completes
 * the merged site there (the sitemap, which needs every page), and `outDir` is replaced only then, so a
 * merge or a finish that stops leaves the last build's output as it was.
 */
export async function mergeParts(
  sharedOut: string,
  storyOuts: readonly string[],
  outDir: string,
  finish: (merged: string) => Promise<void> = async () => {},
): Promise<void> {
  for (const out of storyOuts) {
    for (const name of readdirSync(out)) {
      if (name === 'news') moveStoryPages(path.join(out, 'news'), path.join(sharedOut, 'news'));
      else if (name === '_astro') moveAssets(path.join(out, '_astro'), path.join(sharedOut, '_astro'));
      else refuseOwnPages(out, name, sharedOut);
    }
  }
  await finish(sharedOut);
  rmSync(outDir, { recursive: true, force: true });
  move(sharedOut, outDir);
}

/** Stops on any file under `name` that the story part `out` made and the shared part did not, however deep. */
function refuseOwnPages(out: string, name: string, sharedOut: string): void {
  const files = statSync(path.join(out, name)).isDirectory()
    ? readdirSync(path.join(out, name), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)))
    : [name];
  const own = files.find((file) => !existsSync(path.join(sharedOut, file)));
  if (own) throw new Error(`${own.split(path.sep).join('/')}: made only by a story part (${out}), which should make story pages alone`);
}

function moveStoryPages(from: string, to: string): void {
  for (const id of readdirSync(from)) {
    if (existsSync(path.join(to, id))) throw new Error(`news/${id}/ was made by two parts of the build`);
    move(path.join(from, id), path.join(to, id));
  }
}

function moveAssets(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(from, path.join(entry.parentPath, entry.name));
    const target = path.join(to, relative);
    if (!existsSync(target)) move(path.join(from, relative), target);
    else if (!readFileSync(target).equals(readFileSync(path.join(from, relative)))) throw new Error(`_astro/${relative}: two parts made different files of one name`);
  }
}
