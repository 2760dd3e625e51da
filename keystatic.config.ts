import { config } from '@keystatic/core';
import { editorCollections } from './src/keystatic/collections';
import { editorSingletons } from './src/keystatic/singletons';
import { readEditorVocabulary } from './src/keystatic/vocabulary-options';
import vocabulary from './content/vocabulary.yaml?raw';
import honorNames from './content/honor-names.yaml?raw';
import districts from './content/station-districts.yaml?raw';

/**
 * The browser editor (Keystatic), served by `npm run dev` at /keystatic only: astro.config.mjs adds it under
 * `astro dev`, so the public build stays static. It edits the files in content/ in place (local mode); the
 * controlled lists it offers are read from the same YAML files the build checks against.
 */
const halls = Object.keys(import.meta.glob('./content/halls/*.yaml')).map((file) => file.replace(/^.*\/|\.yaml$/g, ''));

export default config({
  storage: { kind: 'local' },
  ui: { brand: { name: '惠工 · 编辑' } },
  locale: 'zh-CN',
  collections: editorCollections(readEditorVocabulary({ vocabulary, honorNames, districts, halls })),
  singletons: editorSingletons(),
});
