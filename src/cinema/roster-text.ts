/** How a roster file's bytes were read: Excel on Chinese Windows saves "CSV" in GBK, elsewhere UTF-8. */
export type RosterEncoding = 'utf-8' | 'gbk' | 'utf-16le';

/**
 * A roster file's text. A UTF-8 or UTF-16LE byte-order mark decides; without one, bytes that are valid
 * UTF-8 are UTF-8 (GBK text is almost never valid UTF-8), anything else is read as GBK (WHATWG maps
 * 'gbk' to GB18030, which workerd and browsers both decode). The mark itself is not part of the text.
 */
export function rosterText(bytes: Uint8Array): { text: string; encoding: RosterEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}
