import { describe, expect, it } from 'vitest';
import { deleteStatements, sqlLiteral, sqlScript, upsertStatements } from '../../src/search/index-statements';
import { PASSAGE_LENGTH, passages } from '../../src/search/passages';

const doc = { url: "/news/o'neil/", type: 'news' as const, title: '惠工影院', date: '2024-05-06', headings: '看电影', body: '位于青岛。' };

describe('upsertStatements', () => {
  it('replaces what the URL held, then writes the page, a row of its title and headings, and its passage', () => {
    const statements = upsertStatements(doc, 'abc');
    expect(statements.slice(0, 3)).toEqual(deleteStatements(doc.url));
    expect(statements[3]!.params).toEqual([doc.url, 'news', '惠工影院', '2024-05-06', null, 'abc']);
    const [title, passage, terms] = statements.slice(4);
    expect(title!.sql).toMatch(/\+ 0, \?, \?, ''\)$/);
    expect(title!.params[1]).toContain('影院');
    expect(title!.params[2]).toContain('电影');
    expect(passage!.params).toEqual([doc.url, '位于青岛。']);
    expect(terms!.sql).toMatch(/\+ 1, '', '', \?\)$/);
    expect(terms!.params[1]).toContain('青岛');
  });

  it('writes a long page as several passages, numbered from 1 after the title’s row', () => {
    const body = '长文。'.repeat(PASSAGE_LENGTH);
    const statements = upsertStatements({ ...doc, body }, 'abc');
    const rows = statements.filter((s) => s.sql.startsWith('INSERT INTO search_terms')).map((s) => Number(s.sql.match(/\+ (\d+), /)![1]));
    expect(passages(body).length).toBeGreaterThan(2);
    expect(rows).toEqual([0, ...passages(body).map((_, i) => i + 1)]);
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
