import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { config } from '@keystatic/core';
import { createReader } from '@keystatic/core/reader';
import { editorCollections } from '../../src/keystatic/collections';
import { readEditorVocabulary } from '../../src/keystatic/vocabulary-options';

const read = (file: string) => readFileSync(file, 'utf8');
const lists = readEditorVocabulary({
  vocabulary: read('content/vocabulary.yaml'),
  honorNames: read('content/honor-names.yaml'),
  districts: read('content/station-districts.yaml'),
  halls: ['huigong-yingyuan'],
});
const collections = editorCollections(lists);
const reader = createReader(process.cwd(), config({ storage: { kind: 'local' }, collections }));

/** The entries the site builds from each folder (src/content.config.ts's loaders), by file name. */
const siteEntries = (folder: string, extension: string) =>
  readdirSync(`content/${folder}`)
    .filter((file) => file.endsWith(extension))
    .map((file) => file.slice(0, -extension.length))
    .sort();

describe('the editor’s entry lists', () => {
  it.each([
    ['news', '.mdx'],
    ['programs', '.mdx'],
    ['honors', '.yaml'],
    ['screenings', '.yaml'],
    ['halls', '.yaml'],
    ['stations', '.yaml'],
  ] as const)('%s lists exactly the entries the site builds, no list files beside them', async (name, extension) => {
    expect((await reader.collections[name].list()).sort()).toEqual(siteEntries(name, extension));
  });
});
