import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { HOUSE_COMPONENTS } from '../../src/content-check/house-components';

// The check's list of house components and the map the pages pass to MDX must name the same components.
describe('HOUSE_COMPONENTS', () => {
  const files = readdirSync('src/components/house')
    .filter((name) => name.endsWith('.astro'))
    .map((name) => name.replace(/\.astro$/, ''))
    .sort();

  it('has one entry per component file in src/components/house/', () => {
    expect(Object.keys(HOUSE_COMPONENTS).sort()).toEqual(files);
  });

  it('matches the map in src/components/house/index.ts', () => {
    const index = readFileSync('src/components/house/index.ts', 'utf8');
    const map = /export const houseComponents = \{([^}]*)\}/.exec(index)![1]!;
    expect(map.split(',').map((name) => name.trim()).filter(Boolean).sort()).toEqual(files);
  });

  it('gives each an example that uses its required props', () => {
    for (const [name, spec] of Object.entries(HOUSE_COMPONENTS)) {
      expect(spec.example.startsWith(`<${name}`)).toBe(true);
      for (const prop of spec.required) expect(spec.example).toContain(`${prop}=`);
    }
  });
});
