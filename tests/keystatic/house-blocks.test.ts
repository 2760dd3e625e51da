import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { houseBlocks, programPageBlocks } from '../../src/keystatic/house-blocks';
import { editorCollections } from '../../src/keystatic/collections';
import { readEditorVocabulary } from '../../src/keystatic/vocabulary-options';
import { HOUSE_COMPONENTS, PROGRAM_PAGE_COMPONENTS } from '../../src/content-check/house-components';
import { keystaticSaveFiles } from '../helpers/keystatic-save';

const blocks = houseBlocks('news');

describe('houseBlocks', () => {
  it('offers every house component, and only those, under its MDX tag name', () => {
    expect(Object.keys(blocks).sort()).toEqual(Object.keys(HOUSE_COMPONENTS).sort());
  });

  it.each(Object.entries(HOUSE_COMPONENTS))('%s has the Chinese label and every prop it cannot render without', (name, spec) => {
    const block = blocks[name]!;
    expect(block.label).toBe(spec.label);
    expect(Object.keys(block.schema)).toEqual(expect.arrayContaining([...spec.required]));
  });

  it('lets KeyFigure sit only inside KeyFigures, and Honoree and Dateline mark words in a paragraph', () => {
    expect(blocks.KeyFigures).toMatchObject({ kind: 'repeating', children: ['KeyFigure'] });
    expect(blocks.KeyFigure).toMatchObject({ kind: 'block', forSpecificLocations: true });
    expect(blocks.Honoree!.kind).toBe('mark');
    expect(blocks.Dateline!.kind).toBe('mark');
  });

  it('adds the live blocks on program pages only', () => {
    expect(Object.keys(programPageBlocks()).sort()).toEqual([...Object.keys(HOUSE_COMPONENTS), ...PROGRAM_PAGE_COMPONENTS].sort());
  });
});

describe('the Figure block', () => {
  const figure = blocks.Figure!.schema as Record<string, { label: string; validate: (value: unknown) => unknown }>;

  it('refuses to save without alt text and credit, asking for them in Chinese', () => {
    for (const name of ['alt', 'credit']) {
      expect(figure[name]!.label, name).toMatch(/[\u4e00-\u9fff]/);
      expect(() => figure[name]!.validate(''), name).toThrow();
      expect(figure[name]!.validate('新华社记者 牟宇 摄'), name).toBe('新华社记者 牟宇 摄');
    }
  });

  const vocabulary = readEditorVocabulary({
    vocabulary: readFileSync('content/vocabulary.yaml', 'utf8'),
    honorNames: readFileSync('content/honor-names.yaml', 'utf8'),
    districts: readFileSync('content/station-districts.yaml', 'utf8'),
    halls: ['huigong-yingyuan'],
  });
  const editor = editorCollections(vocabulary);
  const photo = new Uint8Array([0xff, 0xd8, 0xff]);

  it.each([
    ['news', 'xiaoyuan-nongchang', houseBlocks('news')],
    ['programs', 'huigong-yingyuan', programPageBlocks()],
  ] as const)('%s: keeps an image in the entry’s own folder under public/, where the written src points', (collection, slug, components) => {
    const folder = `/images/${collection}/${slug}`;
    const figure = `<Figure src="${folder}/photo.jpg" alt="老师在校园农场指导学生收花生" credit="新华社记者 牟宇 摄">\n  说明\n</Figure>\n\n`;
    const text = readFileSync(`content/${collection}/${slug}.mdx`, 'utf8').replace(/\n---\n/, `\n---\n${figure}`);
    const [entry, ...images] = keystaticSaveFiles(editor[collection], slug, text, components, new Map([[`public${folder}/photo.jpg`, photo]]));
    expect(new TextDecoder().decode(entry!.contents)).toBe(text);
    expect(images).toEqual([{ path: `public${folder}/photo.jpg`, contents: photo }]);
  });
});
