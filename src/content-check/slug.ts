import { pinyin } from 'pinyin-pro';

/** The alphabet of a URL segment: lowercase letters and digits, words joined by single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A URL slug from Chinese text: the pinyin of each character without tones, joined by hyphens, letters and
 * digits kept as they are, punctuation dropped, at most `maxSyllables` syllables. Names read their surname
 * as a surname (单 shan, 曾 zeng). Empty when nothing usable is left.
 *
 * @example pinyinSlug('惠工影院人气旺') // → 'hui-gong-ying-yuan-ren-qi-wang'
 * @example pinyinSlug('姚婕', { person: true }) // → 'yao-jie'
 */
export function pinyinSlug(text: string, { maxSyllables = 8, person = false } = {}): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true, surname: person ? 'head' : 'off' })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean);
  return syllables.slice(0, maxSyllables).join('-');
}
