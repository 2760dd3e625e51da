import { fields, type BasicFormField } from '@keystatic/core';
import type { DeclaresStoredShape } from './schema-drift';

/**
 * A screening's optional whole-screening booking, stored as `booking: { union: … }` or left out. Keystatic's
 * conditional field would store `{ discriminant, value }`, which the screening schema does not read, so the
 * editor shows one text field: the union's name, empty when the screening is open to members.
 */
export function bookingField(): BasicFormField<string> & DeclaresStoredShape {
  const text = fields.text({ label: '基层工会包场：包场单位（不包场就空着；包场后不向职工放票）' });
  const parse = (stored: unknown) => {
    if (stored === undefined || stored === null) return '';
    const union = (stored as { union?: unknown }).union;
    return text.parse(typeof union === 'string' ? union : undefined, undefined);
  };
  return {
    kind: 'form',
    label: text.label,
    Input: text.Input,
    defaultValue: () => '',
    parse,
    validate: (value) => text.validate(value, undefined),
    serialize: (value) => ({ value: value === '' ? undefined : { union: value } }),
    reader: { parse: (stored) => text.validate(parse(stored), undefined) },
    storedShape: { type: 'object', fields: { union: { type: 'string' } } },
  };
}
