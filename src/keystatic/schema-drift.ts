import type { z } from 'astro/zod';

/**
 * What a Keystatic field stores, as far as the zod schemas care: a scalar, one of fixed choices, a list or
 * an object. Keystatic's fields do not say their type, so it is read from what they parse.
 */
export type StoredShape =
  | { type: 'string' | 'number' | 'boolean' | 'date' | 'content' }
  | { type: 'choice'; values: readonly string[] }
  | { type: 'array'; of: StoredShape }
  | { type: 'object'; fields: Record<string, StoredShape> };

/** A field that stores something other than what its input edits (src/keystatic/booking-field.ts) says so. */
export interface DeclaresStoredShape {
  storedShape: StoredShape;
}

interface KeystaticField {
  kind: string;
  formKind?: string;
  fields?: Record<string, KeystaticField>;
  element?: KeystaticField;
  options?: readonly { value: string | number }[];
  storedShape?: StoredShape;
  defaultValue?: () => unknown;
  parse?: (value: unknown, args?: unknown) => unknown;
}

const parses = (field: KeystaticField, value: unknown) => {
  try {
    field.parse!(value);
    return true;
  } catch {
    return false;
  }
};

/** The shape a Keystatic field (fields.text, fields.array, …) writes to the file. */
export function keystaticShape(field: KeystaticField): StoredShape {
  if (field.storedShape) return field.storedShape;
  if (field.kind === 'object') return { type: 'object', fields: mapFields(field.fields!) };
  if (field.kind === 'array') return { type: 'array', of: keystaticShape(field.element!) };
  if (field.formKind === 'content') return { type: 'content' };
  if (field.formKind === 'slug' || field.formKind === 'asset') return { type: 'string' };
  const empty = field.defaultValue!();
  if (field.options) {
    const choice = { type: 'choice', values: field.options.map((option) => String(option.value)) } as const;
    return Array.isArray(empty) ? { type: 'array', of: choice } : choice;
  }
  if (typeof empty === 'boolean') return { type: 'boolean' };
  if (Array.isArray(empty)) return { type: 'array', of: { type: 'string' } }; // multiRelationship: ids
  if (parses(field, new Date(Date.UTC(2023, 8, 14)))) return { type: 'date' };
  if (parses(field, 2)) return { type: 'number' };
  return { type: 'string' }; // relationship: an id
}

const mapFields = (fields: Record<string, KeystaticField>) => Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, keystaticShape(field)]));

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[]; element?: z.ZodType; shape?: Record<string, z.ZodType>; entries?: Record<string, string>; values?: unknown[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas a value may match: wrappers (optional, default, transform) removed, unions split. */
function variants(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (def.innerType) return variants(def.innerType);
  if (def.type === 'pipe') return variants(def.in!);
  if (def.type === 'union') return def.options!.flatMap(variants);
  return [schema];
}

/** A value no controlled list holds: a select's zod twin must refuse it. */
const NOT_A_TERM = '（不在词表里的值）';

/**
 * The differences between a zod schema and the Keystatic fields that edit the same data, one line each
 * (empty when they agree): keys on one side only, types that differ, choices that differ. Where zod checks
 * a string against a controlled list (a refinement), the select's options must all pass it and a value
 * outside them must fail.
 */
export function schemaDrift(zod: z.ZodType, shape: StoredShape, path = ''): string[] {
  const at = path || '(root)';
  const found = variants(zod);
  const ofType = (type: string) => found.find((variant) => defOf(variant).type === type);
  const zodTypes = found.map((variant) => defOf(variant).type).join(' | ');
  switch (shape.type) {
    case 'content':
      return [];
    case 'object': {
      const object = ofType('object');
      if (!object) return [`${at}: Keystatic has an object, zod has ${zodTypes}`];
      const zodFields = defOf(object).shape!;
      const keys = [...new Set([...Object.keys(zodFields), ...Object.keys(shape.fields)])];
      return keys.flatMap((key) => {
        const child = path ? `${path}.${key}` : key;
        if (!(key in shape.fields)) return [`${child}: in the zod schema, not in the Keystatic schema`];
        if (!(key in zodFields)) return shape.fields[key]!.type === 'content' ? [] : [`${child}: in the Keystatic schema, not in the zod schema`];
        return schemaDrift(zodFields[key]!, shape.fields[key]!, child);
      });
    }
    case 'array': {
      const array = ofType('array');
      return array ? schemaDrift(defOf(array).element!, shape.of, `${path}[]`) : [`${at}: Keystatic has a list, zod has ${zodTypes}`];
    }
    case 'choice': {
      const closed = ofType('enum') ?? ofType('literal');
      if (closed) {
        const def = defOf(closed);
        const values = (def.entries ? Object.values(def.entries) : def.values!).map(String).sort();
        const offered = [...shape.values].sort();
        return values.join() === offered.join() ? [] : [`${at}: Keystatic offers ${offered.join('/')}, zod allows ${values.join('/')}`];
      }
      const open = ofType('string');
      if (!open) return [`${at}: Keystatic has a choice, zod has ${zodTypes}`];
      const refused = shape.values.filter((value) => !open.safeParse(value).success);
      if (refused.length > 0) return [`${at}: zod refuses Keystatic's choices ${refused.join('/')}`];
      return open.safeParse(NOT_A_TERM).success ? [`${at}: Keystatic offers fixed choices, zod accepts any string`] : [];
    }
    default:
      return ofType(shape.type) ? [] : [`${at}: Keystatic stores a ${shape.type}, zod has ${zodTypes}`];
  }
}
