import { fields, type BasicFormField } from '@keystatic/core';

interface Option<Value> {
  label: string;
  value: Value;
}

/**
 * A select whose stored value is not a plain required string: Keystatic's select always writes a string,
 * but our files leave an optional choice out (collectiveType of a person) and store numbers as numbers
 * (a station's star). `none` labels the "not set" choice; without it the field is required.
 */
export function storedSelect<Value extends string | number>({
  label,
  description,
  options,
  defaultValue,
  none,
}: {
  label: string;
  description?: string;
  options: readonly Option<Value>[];
  defaultValue?: Value;
  none?: string;
}): BasicFormField<string> & { options: readonly Option<Value>[]; optional: boolean } {
  const NONE = '';
  const byKey = new Map(options.map((option) => [String(option.value), option.value]));
  const shown = [...(none ? [{ label: none, value: NONE }] : []), ...options.map((o) => ({ label: o.label, value: String(o.value) }))];
  const select = fields.select({
    label,
    description,
    options: shown,
    defaultValue: defaultValue === undefined ? (shown[0]?.value ?? NONE) : String(defaultValue),
  });
  const parse = (stored: unknown) => (stored === undefined || stored === null ? (none ? NONE : select.defaultValue()) : select.parse(String(stored)));
  return {
    ...select,
    options,
    optional: Boolean(none),
    parse,
    serialize: (value) => ({ value: value === NONE ? undefined : byKey.get(value) }),
    reader: { parse: (stored) => select.validate(parse(stored)) },
  };
}
