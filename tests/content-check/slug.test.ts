import { describe, expect, it } from 'vitest';
import { pinyinSlug, SLUG } from '../../src/content-check/slug';

describe('pinyinSlug', () => {
  it('spells a title in toneless pinyin, one syllable per hyphen', () => {
    expect(pinyinSlug('惠工影院人气旺')).toBe('hui-gong-ying-yuan-ren-qi-wang');
  });

  it('reads words with more than one reading by their context', () => {
    expect(pinyinSlug('长春新就业形态劳动者', { maxSyllables: 2 })).toBe('chang-chun');
    expect(pinyinSlug('重庆校企合作', { maxSyllables: 2 })).toBe('chong-qing');
  });

  it('reads a surname as a surname', () => {
    expect(pinyinSlug('单雄信', { person: true })).toBe('shan-xiong-xin');
    expect(pinyinSlug('曾国藩', { person: true })).toBe('zeng-guo-fan');
  });

  it('keeps letters and digits, drops punctuation and stops at the limit', () => {
    expect(pinyinSlug('四川工会“345”工作思路', { maxSyllables: 5 })).toBe('si-chuan-gong-hui-345');
    expect(pinyinSlug('聚焦“工”字特色，跑出工会高质量发展“加速度”')).toBe('ju-jiao-gong-zi-te-se-pao-chu');
  });

  it('writes ü as v', () => {
    expect(pinyinSlug('绿色')).toBe('lv-se');
  });

  it('gives nothing usable from punctuation alone', () => {
    expect(pinyinSlug('“”——')).toBe('');
  });

  it('always gives a valid URL segment', () => {
    for (const text of ['惠工影院人气旺', 'AI 助手 2.0', '校企合作育人才']) expect(pinyinSlug(text)).toMatch(SLUG);
  });
});
