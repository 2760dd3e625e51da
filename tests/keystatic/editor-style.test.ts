import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { editorCollections } from '../../src/keystatic/collections';
import { editorSingletons } from '../../src/keystatic/singletons';
import { houseBlocks, programPageBlocks } from '../../src/keystatic/house-blocks';
import { readEditorVocabulary } from '../../src/keystatic/vocabulary-options';
import { honorTemplate, newsTemplate, programTemplate, screeningId, screeningTemplate } from '../../scripts/content-templates';
import { keystaticSave } from '../helpers/keystatic-save';

const read = (file: string) => readFileSync(file, 'utf8');
const halls = readdirSync('content/halls')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));
const lists = readEditorVocabulary({
  vocabulary: read('content/vocabulary.yaml'),
  honorNames: read('content/honor-names.yaml'),
  districts: read('content/station-districts.yaml'),
  halls,
});
const editor = editorCollections(lists);
const collections = {
  news: { ext: '.mdx', blocks: houseBlocks('news') },
  programs: { ext: '.mdx', blocks: programPageBlocks() },
  honors: { ext: '.yaml', blocks: {} },
  screenings: { ext: '.yaml', blocks: {} },
  halls: { ext: '.yaml', blocks: {} },
} as const;
type Name = keyof typeof collections;
const saved = (name: Name, slug: string, text: string) => keystaticSave(editor[name], slug, text, collections[name].blocks);

describe('content files in the editor’s style', () => {
  const files = (Object.keys(collections) as Name[]).flatMap((name) =>
    readdirSync(`content/${name}`)
      .filter((file) => file.endsWith(collections[name].ext))
      .map((file) => [name, file.slice(0, -collections[name].ext.length)] as const),
  );

  it.each(files)('%s/%s is saved unchanged when opened and saved in the editor', (name, slug) => {
    const text = read(`content/${name}/${slug}${collections[name].ext}`);
    expect(saved(name, slug, text)).toBe(text);
  });

  it.each([
    ['vocabulary', 'content/vocabulary.yaml'],
    ['stationDistricts', 'content/station-districts.yaml'],
  ] as const)('%s (%s) is saved unchanged when opened and saved in the editor', (name, file) => {
    const text = read(file);
    expect(keystaticSave(editorSingletons()[name], name, text)).toBe(text);
  });
});

describe('npm run new writes what the editor writes', () => {
  const { vocabulary, honorNames } = lists;
  const story = 'xiaoyuan-nongchang';

  it.each([
    ['news', 'xin-gaojian', () => newsTemplate({ title: '惠工影院人气旺："抢票"成固定动作', today: '2026-12-01', vocabulary })],
    ['honors', 'zhang-san', () => honorTemplate({ name: '阿依古丽·买买提', vocabulary, honorNames, story })],
    ['programs', 'xin-xiangmu', () => programTemplate({ title: '新项目', vocabulary, story })],
    ['screenings', screeningId('2026-12-02T18:30:00+08:00', halls[0]!), () =>
      screeningTemplate({ id: screeningId('2026-12-02T18:30:00+08:00', halls[0]!), title: '新片', hall: halls[0]!, startsAt: '2026-12-02T18:30:00+08:00' })],
  ] as const)('%s: a first save in the editor changes nothing', (name, slug, template) => {
    const text = template();
    expect(saved(name, slug, text)).toBe(text);
  });
});
