/**
 * Structured data serialised for a `<script type="application/ld+json">` element. JSON.stringify
 * alone leaves `</script>` (or `<!--`) in a title able to end the element early and put markup in
 * the page, so every `<` is written as its JSON escape `\u003c`; U+2028 and U+2029 too, which some
 * older JavaScript parsers took for line ends. The result parses back to the same data.
 *
 * @example jsonLdText({ headline: '</script>' }) === '{"headline":"\\u003c/script>"}'
 */
export function jsonLdText(data: Record<string, unknown>): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
