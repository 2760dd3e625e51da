import { describe, expect, it } from 'vitest';
import { houseBlocks, programPageBlocks } from '../../src/keystatic/house-blocks';
import { HOUSE_COMPONENTS, PROGRAM_PAGE_COMPONENTS } from '../../src/content-check/house-components';

const blocks = houseBlocks();

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
