import { describe, expect, it } from 'vitest';
import { affiliation, honoreeJsonLd } from '../../src/honors/honoree-json-ld';
import { kindLabel } from '../../src/honors/honoree';
import { honor, makeHonoree } from '../helpers/honoree';

const url = new URL('https://huigong.example.org/honors/zhou-gongjian/');
const zhou = makeHonoree('zhou-gongjian', {
  name: '周功建',
  employer: '中铁大桥局',
  position: '副总工程师',
  honors: [honor('湖北省创新达人')],
});
const station = makeHonoree('station', {
  name: '柬埔寨暹粒吴哥国际机场项目工会驿站',
  kind: 'collective',
  collectiveType: 'station',
  employer: '云南建投集团工会',
  honors: [honor('最美工会户外劳动者服务站点', { conferredBy: '全国总工会' })],
});

describe('affiliation', () => {
  it('joins employer and position as printed', () => {
    expect(affiliation(zhou)).toBe('中铁大桥局副总工程师');
  });

  it('is empty when the story gives neither', () => {
    expect(affiliation(makeHonoree('wang'))).toBe('');
  });
});

describe('kindLabel', () => {
  it('names persons and the kind of collective', () => {
    expect(kindLabel(zhou)).toBe('个人');
    expect(kindLabel(station)).toBe('集体（站点）');
  });
});

describe('honoreeJsonLd', () => {
  it('describes a person with job title, employer and awards', () => {
    expect(honoreeJsonLd(zhou, url)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: '周功建',
      url: url.href,
      award: ['湖北省创新达人'],
      jobTitle: '副总工程师',
      worksFor: { '@type': 'Organization', name: '中铁大桥局' },
    });
  });

  it('describes a collective as an organization within its unit', () => {
    expect(honoreeJsonLd(station, url)).toMatchObject({
      '@type': 'Organization',
      award: ['最美工会户外劳动者服务站点'],
      parentOrganization: { '@type': 'Organization', name: '云南建投集团工会' },
    });
  });

  it('leaves out what the story does not give', () => {
    const ld = honoreeJsonLd(makeHonoree('wang', { name: '王效知', honors: [honor('荆楚工匠')] }), url);
    expect(Object.keys(ld)).toEqual(['@context', 'name', 'url', 'award', '@type']);
  });
});
