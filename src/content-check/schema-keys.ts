import type { z } from 'astro/zod';

export interface UnknownKey {
  /** Where the key is: ['honors', 0, 'printd'] */
  path: (string | number)[];
  key: string;
  /** The keys allowed there, for a suggestion. */
  known: string[];
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The object or array under wrappers, refinements and transforms, or undefined. */
function structure(schema: z.ZodType): Def | undefined {
  let def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  for (let depth = 0; depth < 20; depth += 1) {
    if (WRAPPERS.has(def.type) && def.innerType) def = (def.innerType as unknown as { _zod: { def: Def } })._zod.def;
    else if (def.type === 'pipe' && def.in) def = (def.in as unknown as { _zod: { def: Def } })._zod.def;
    else break;
  }
  return def.type === 'object' || def.type === 'array' ? def : undefined;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Keys in `data` its schema does not know. Zod drops them without a word, so a misspelt optional field
 * (`readinghint:`) would silently vanish from the page; this finds them, at any depth.
 */
export function unknownKeys(schema: z.ZodType, data: unknown, path: (string | number)[] = []): UnknownKey[] {
  const def = structure(schema);
  if (!def) return [];
  if (def.type === 'array' && def.element && Array.isArray(data)) {
    return data.flatMap((item, index) => unknownKeys(def.element!, item, [...path, index]));
  }
  if (def.type !== 'object' || !def.shape || !isPlainObject(data)) return [];
  const shape = def.shape;
  const known = Object.keys(shape);
  return Object.entries(data).flatMap(([key, value]) =>
    key in shape ? unknownKeys(shape[key]!, value, [...path, key]) : [{ path: [...path, key], key, known }],
  );
}

/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The candidate closest to `word` if it is close enough to be a slip (case ignored), else undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return best && best.distance <= limit ? best.candidate : undefined;
}
