import { describe, expect, it } from 'vitest';
import { countPhrase, highestLevelRank, sortHonorees, splitByKind } from '../../src/honors/sort-honorees';
import { honor, makeHonoree } from '../helpers/honoree';

const yao = makeHonoree('yao-jie', { name: '姚婕', honors: [honor('党的二十大代表'), honor('全国劳动模范')] });
const gao = makeHonoree('gao-xingze', { name: '高兴泽', honors: [honor('全国劳动模范')] });
const zhou = makeHonoree('zhou-gongjian', { name: '周功建', honors: [honor('湖北省创新达人')] });
const wang = makeHonoree('wang-xiaozhi', { name: '王效知', honors: [honor('荆楚工匠')] });
const mixed = makeHonoree('mixed', { name: '阿', honors: [honor('市州级工匠'), honor('四川工匠')] });
const station = makeHonoree('station', { name: '柬埔寨驿站', kind: 'collective', collectiveType: 'station' });

describe('highestLevelRank', () => {
  it('takes the highest of an honoree’s honors', () => {
    expect(highestLevelRank(yao)).toBe(0);
    expect(highestLevelRank(mixed)).toBe(1);
  });
});

describe('sortHonorees', () => {
  it('puts higher honors first, then orders names by pinyin', () => {
    expect(sortHonorees([zhou, wang, mixed, yao, gao]).map((h) => h.data.name)).toEqual(['高兴泽', '姚婕', '阿', '王效知', '周功建']);
  });

  it('does not change its input', () => {
    const input = [zhou, gao];
    sortHonorees(input);
    expect(input).toEqual([zhou, gao]);
  });
});

describe('splitByKind', () => {
  it('separates persons from collectives, each sorted', () => {
    expect(splitByKind([station, zhou, gao])).toEqual({ persons: [gao, zhou], collectives: [station] });
  });
});

describe('countPhrase', () => {
  it('counts persons in 人 and collectives in 个集体', () => {
    expect(countPhrase([yao, gao, station])).toBe('2 人、1 个集体');
    expect(countPhrase([yao])).toBe('1 人');
    expect(countPhrase([station])).toBe('1 个集体');
    expect(countPhrase([])).toBe('0 人');
  });
});
