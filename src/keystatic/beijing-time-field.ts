import { fields } from '@keystatic/core';

type TextField = ReturnType<typeof fields.text>;

const two = (n: number) => String(n).padStart(2, '0');

/** An instant as Beijing time with its zone written: 2026-12-02T18:30:00+08:00. */
export function beijingText(date: Date): string {
  const b = new Date(date.getTime() + 8 * 3_600_000);
  return `${b.getUTCFullYear()}-${two(b.getUTCMonth() + 1)}-${two(b.getUTCDate())}T${two(b.getUTCHours())}:${two(b.getUTCMinutes())}:${two(b.getUTCSeconds())}+08:00`;
}

const PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?\+08:00$/;

/**
 * A time written as Beijing time text (a screening's startsAt, a story's publishAt). Keystatic reads YAML
 * timestamps as Dates, which its text field refuses, and its datetime field drops the zone the site
 * requires; so this is a text field that shows a Date as the Beijing time it is. Its format is checked
 * here (empty allowed unless required) and in full by `npm run check`.
 */
export function beijingTimeField({ label, isRequired = false }: { label: string; isRequired?: boolean }): TextField {
  const text = fields.text({
    label,
    validation: {
      isRequired,
      pattern: { regex: isRequired ? PATTERN : new RegExp(`^$|${PATTERN.source}`), message: '写成北京时间，如 2026-12-02T18:30:00+08:00' },
    },
  });
  const parse = (stored: unknown) => (stored instanceof Date ? beijingText(stored) : text.parse(stored as string | undefined, undefined));
  return { ...text, parse, reader: { ...text.reader, parse: (stored: unknown) => text.validate(parse(stored), undefined) } };
}
