import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Honoree } from '../../src/honors/honoree';
import type { Honor, HonoreeData } from '../../src/schemas/honor-schema';
import { honorNamesSchema, type HonorNames } from '../../src/schemas/honor-schema';
import { vocabularySchema, type Vocabulary } from '../../src/schemas/vocabulary-schema';

export const vocabulary: Vocabulary = vocabularySchema.parse(parse(readFileSync('content/vocabulary.yaml', 'utf8')));
export const honorNames: HonorNames = honorNamesSchema.parse(parse(readFileSync('content/honor-names.yaml', 'utf8')));

/** An honor as the schema resolves it, by its controlled name; `extra` adds year, conferredBy… */
export function honor(name: string, extra: Partial<Honor> = {}): Honor {
  const named = honorNames.honors.find((candidate) => candidate.name === name);
  if (!named) throw new Error(`${name} is not in content/honor-names.yaml`);
  return { name: named.name, slug: named.slug, level: named.level, ...extra };
}

/** A valid person with sensible defaults; tests override only what they are about. */
export function makeHonoree(id: string, data: Partial<HonoreeData> = {}): Honoree {
  return {
    id,
    data: {
      name: `姓名${id}`,
      kind: 'person',
      regions: ['湖北'],
      honors: [honor('全国劳动模范')],
      asPrinted: `全国劳动模范姓名${id}`,
      stories: [{ id: 'story', collection: 'news' }],
      ...data,
    },
  };
}
