import { describe, expect, it } from 'vitest';
import { creditedNames, formatByline, formatDateline } from '../../src/news/byline';

const shandong = [
  { role: '本报记者', names: ['杨明清', '张嫱'] },
  { role: '本报通讯员', names: ['王哲'] },
];
const changchun = [
  { role: '记者', names: ['柳姗姗', '彭冰'] },
  { role: '通讯员', names: ['姚远'] },
];

describe('formatByline', () => {
  it('prints each role before its names, as the paper does', () => {
    expect(formatByline(shandong)).toBe('本报记者 杨明清 张嫱 本报通讯员 王哲');
  });
});

describe('formatDateline', () => {
  it('puts the credits in brackets after the dateline', () => {
    expect(formatDateline('本报讯', changchun)).toBe('本报讯（记者柳姗姗 彭冰 通讯员姚远）');
  });

  it('prints the bare dateline when nobody is credited', () => {
    expect(formatDateline('本报讯', [])).toBe('本报讯');
  });
});

describe('creditedNames', () => {
  it('lists every credited person once', () => {
    expect(creditedNames([...shandong, { role: '记者', names: ['王哲'] }])).toEqual(['杨明清', '张嫱', '王哲']);
  });
});
