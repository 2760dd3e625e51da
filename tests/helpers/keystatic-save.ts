import { readFileSync } from 'node:fs';
import { dump, load } from 'js-yaml';
import { fields } from '@keystatic/core';

/**
 * What the browser editor writes when an entry is opened and saved unchanged, computed in Node with
 * Keystatic's own parse and serialise steps (the ones its save button runs: parseEntry and
 * serializeEntryToFiles in @keystatic/core's UI bundle) and its YAML writer (js-yaml's dump). Keystatic does
 * not export them, so they are taken from the bundle chunk its UI imports them from; an upgrade that moves
 * them makes this throw rather than pass quietly. Entries with uploaded images are out of its reach.
 */
const dist = new URL('../../node_modules/@keystatic/core/dist/', import.meta.url);
const ui = readFileSync(new URL('keystatic-core-ui.js', dist), 'utf8');
const chunk = ui
  .split('\n')
  .find((line) => line.includes(' p as parseProps,') && line.includes(' c as serializeProps,'))
  ?.match(/from '\.\/(index-[0-9a-f]+\.js)'/)?.[1];
if (!chunk) throw new Error('Keystatic upgrade: its UI no longer imports serializeProps and parseProps as it did; update tests/helpers/keystatic-save.ts');
const internals = (await import(new URL(chunk, dist).href)) as { c: SerializeProps; p: ParseProps; N: typeof fields.mdx };

type Field = { formKind?: string; directories?: readonly string[]; parse: (value: unknown, args?: unknown) => unknown };
type ParseProps = (schema: unknown, value: unknown, path: unknown[], slugs: unknown[], parseField: (field: Field, value: unknown, path: unknown[]) => unknown, forReader: boolean) => unknown;
type SerializeProps = (value: unknown, schema: unknown, slugField: string | undefined, slug: string | undefined, suggestPrefix: boolean) => { value: unknown; extraFiles: { path: string; contents: Uint8Array; parent?: string }[] };

interface EditorCollection {
  /** Where its entries live: content/news/* for a collection, content/vocabulary for a singleton. */
  path?: string;
  schema: Record<string, unknown>;
  slugField?: string;
  format?: unknown;
}

const FRONTMATTER = /^---(?:\r?\n([^]*?))?\r?\n---\r?\n?/;

/** A file Keystatic writes on save, its path from the repository root. */
export interface SavedFile {
  path: string;
  contents: Uint8Array;
}

/**
 * The files Keystatic writes when an entry of `collection` stored as `slug` (its text `text`, its images
 * `assets` by path) is opened and saved unchanged: the entry's own file first, then its images.
 * `blocks` are the MDX body's components (src/keystatic/house-blocks.ts): Keystatic's Node build of the MDX
 * field cannot parse a body, so the body field is rebuilt from its browser build with them.
 */
export function keystaticSaveFiles(
  collection: EditorCollection,
  slug: string,
  text: string,
  blocks: Parameters<typeof fields.mdx>[0]['components'] = {},
  assets: ReadonlyMap<string, Uint8Array> = new Map(),
): SavedFile[] {
  const contentField = (collection.format as { contentField?: string } | undefined)?.contentField;
  const match = contentField ? FRONTMATTER.exec(text) : undefined;
  if (contentField && !match) throw new Error('no frontmatter');
  const data = load(match ? (match[1] ?? '') : text) ?? {};
  const body = match ? new TextEncoder().encode(text.slice(match[0].length)) : undefined;
  const editable = Object.fromEntries(
    Object.entries(collection.schema).map(([key, field]) => [key, key === contentField ? internals.N({ label: key, components: blocks }) : field]),
  );
  const schema = fields.object(editable as never);
  // Keystatic hands a body the images in each folder its blocks upload to, under the entry's slug.
  const external = (directories: readonly string[]) =>
    new Map(
      directories.map((directory) => {
        const prefix = `${directory}/${slug}/`;
        return [directory, new Map([...assets].filter(([path]) => path.startsWith(prefix)).map(([path, bytes]) => [path.slice(prefix.length), bytes]))];
      }),
    );
  const state = internals.p(schema, data, [], [], (field, value, path) => {
    if (path.length === 1 && path[0] === collection.slugField) return field.parse(value, { slug });
    if (field.formKind === 'content') return field.parse(value, { content: body, other: new Map(), external: external(field.directories ?? []), slug });
    if (field.formKind === 'asset' || field.formKind === 'assets') throw new Error('image fields outside a body are not simulated');
    return field.parse(value, undefined);
  }, false);
  const { value, extraFiles } = internals.c(state, schema, collection.slugField, slug, true);
  const yaml = dump(value);
  const images = extraFiles
    .filter((file) => file.parent)
    .map((file) => ({ path: `${file.parent}/${slug}/${file.path}`, contents: file.contents }));
  const entry = collection.path!.replace('*', slug);
  if (!contentField) return [{ path: `${entry}.yaml`, contents: new TextEncoder().encode(yaml) }, ...images];
  const content = extraFiles.find((file) => file.path === `${contentField}.mdx`)?.contents ?? new Uint8Array();
  return [{ path: `${entry}.mdx`, contents: new TextEncoder().encode(`---\n${yaml}---\n${new TextDecoder().decode(content)}`) }, ...images];
}

/** The text Keystatic writes for an entry opened and saved unchanged (keystaticSaveFiles without images). */
export function keystaticSave(collection: EditorCollection, slug: string, text: string, blocks: Parameters<typeof fields.mdx>[0]['components'] = {}): string {
  return new TextDecoder().decode(keystaticSaveFiles(collection, slug, text, blocks)[0]!.contents);
}
