import { describe, expect, it } from 'vitest';
import { deleteStatements, sqlLiteral, sqlScript, upsertStatements } from '../../src/search/index-statements';
import { PASSAGE_LENGTH, passages } from '../../src/search/passages';

const doc = { url: "/news/o'neil/", type: 'news' as const, title: '惠工影院', date: '2024-05-06', headings: '看电影', body: '位于青岛。' };

describe('upsertStatements', () => {
  it('replaces what the URL held, then writes the page, its passage and its pairs', () => {
    const statements = upsertStatements(doc, 'abc');
    expect(statements.slice(0, 3)).toEqual(deleteStatements(doc.url));
    expect(statements[3]!.params).toEqual([doc.url, 'news', '惠工影院', '2024-05-06', null, 'abc']);
    expect(statements[4]!.params).toEqual([doc.url, '位于青岛。']);
    const terms = statements[5]!.params;
    expect(terms[1]).toContain('惠工');
    expect(terms[1]).toContain('影院');
    expect(terms[3]).toContain('青岛');
  });

  it('writes a long page as several passages, the title and headings in the first only', () => {
    const body = '长文。'.repeat(PASSAGE_LENGTH);
    const statements = upsertStatements({ ...doc, body }, 'abc');
    const terms = statements.filter((s) => s.sql.startsWith('INSERT INTO search_terms'));
    expect(terms.length).toBe(passages(body).length);
    expect(terms.length).toBeGreaterThan(2);
    expect(terms.slice(1).every((s) => s.params[1] === '' && s.params[2] === '')).toBe(true);
    expect(terms.map((s) => Number(s.sql.match(/\+ (\d+), \?/)![1]))).toEqual(terms.map((_, i) => i));
  });

  it('refuses a page longer than a page can be, naming it', () => {
    expect(() => upsertStatements({ ...doc, body: '字'.repeat(PASSAGE_LENGTH * 1001) }, 'abc')).toThrow("/news/o'neil/");
  });
});

describe('sqlScript', () => {
  it('writes the values in, quotes doubled, NUL dropped', () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral('a\u0000b')).toBe("'ab'");
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlScript(deleteStatements("/o'k/"))).toContain("WHERE url = '/o''k/';\n");
  });

  it('leaves a question mark inside a value alone', () => {
    expect(sqlScript([{ sql: 'SELECT ?, ?', params: ['?', 'b'] }])).toBe("SELECT '?', 'b';\n");
  });

  it('refuses statements whose values do not match their placeholders', () => {
    expect(() => sqlScript([{ sql: 'SELECT ?', params: [] }])).toThrow();
    expect(() => sqlScript([{ sql: 'SELECT 1', params: ['x'] }])).toThrow();
  });
});
