import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/cinema/csv-records';
import { rosterChunks, rosterUploadId } from '../../src/cinema/roster-chunks';
import { readRoster } from '../../src/cinema/roster-rows';
import { rosterText } from '../../src/cinema/roster-text';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/roster/${name}`, import.meta.url)));

/** What both fixtures hold (the same rows, GBK without a mark and UTF-8 with one). */
const EXPECTED = {
  members: [
    { line: 2, number: 'GH-0001', last4: '8001' },
    { line: 3, number: 'GH0002', last4: '8002' },
    { line: 9, number: 'GH-0006', last4: '8006' },
    { line: 13, number: 'GH-0009', last4: '8009' },
  ],
  problems: [
    { line: 4, code: 'phone_digits' },
    { line: 5, code: 'phone_scientific' },
    { line: 7, code: 'duplicate' },
    { line: 8, code: 'number_invalid' },
    { line: 11, code: 'phone_not_digits' },
    { line: 12, code: 'phone_missing' },
  ],
  blankLines: [6, 10],
};

describe('rosterText', () => {
  it.each(['bad-rows-gbk.csv', 'bad-rows-utf8-bom.csv'])('%s has the same bytes as the base64 copy the workerd test reads', (name) => {
    expect(Buffer.from(readFileSync(new URL(`../fixtures/roster/${name}.b64`, import.meta.url), 'utf8'), 'base64')).toEqual(Buffer.from(fixture(name)));
  });

  it('reads GBK (Excel on Chinese Windows) and UTF-8 with a byte-order mark alike', () => {
    const gbk = rosterText(fixture('bad-rows-gbk.csv'));
    const utf8 = rosterText(fixture('bad-rows-utf8-bom.csv'));
    expect(gbk.encoding).toBe('gbk');
    expect(utf8.encoding).toBe('utf-8');
    expect(gbk.text).toBe(utf8.text);
    expect(utf8.text.startsWith('会员号,手机号')).toBe(true);
  });

  it('reads UTF-16 with its mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from('会员号', (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat()]);
    expect(rosterText(bytes)).toEqual({ text: '会员号', encoding: 'utf-16le' });
  });
});

describe('csvRecords', () => {
  it('keeps quoted separators, doubled quotes and line breaks, and the line each record starts on', () => {
    expect(csvRecords('a,b\r\n"x,1","say ""hi"""\n"two\nlines",z\rlast,1')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x,1', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 5, cells: ['last', '1'] },
    ]);
  });

  it('takes the header’s separator: tabs and semicolons too', () => {
    expect(csvRecords('a\tb\n1\t2\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
    expect(csvRecords('a;b\n1;2')[1]!.cells).toEqual(['1', '2']);
  });
});

describe('readRoster', () => {
  it.each(['bad-rows-gbk.csv', 'bad-rows-utf8-bom.csv'])('reports every bad row of %s by line and reason, and skips blank lines', (name) => {
    const read = readRoster(rosterText(fixture(name)).text);
    expect(read.members).toEqual(EXPECTED.members);
    expect(read.problems.map(({ line, code }) => ({ line, code }))).toEqual(EXPECTED.problems);
    expect(read.blankLines).toEqual(EXPECTED.blankLines);
    expect(read.problems.find((p) => p.code === 'duplicate')!.message).toBe('会员号 GH-0001 与第 2 行重复');
    expect(read.problems.find((p) => p.code === 'phone_digits')!.message).toContain('这里是 10 位');
  });

  it('takes full-width digits and an apostrophe Excel kept as text', () => {
    expect(readRoster("会员号,手机号\nＡ１,'１３８０００００００１\n").members).toEqual([{ line: 2, number: 'A1', last4: '0001' }]);
  });

  it('needs the two columns', () => {
    expect(readRoster('name,phone\n张三,13800000001\n').problems).toEqual([
      { line: 1, code: 'missing_columns', message: '表头需要 member_number,phone（或 会员号,手机号）两列' },
    ]);
    expect(readRoster('').problems[0]!.code).toBe('missing_columns');
  });
});

describe('rosterChunks', () => {
  const members = Array.from({ length: 2_000 }, (_, i) => ({ line: i + 2, number: `DEMO${String(i).padStart(5, '0')}`, last4: '1234' }));

  it('packs every member, in order, into chunks under the byte limit', () => {
    const chunks = rosterChunks(members);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat().map(([line]) => line)).toEqual(members.map((m) => m.line));
    for (const chunk of chunks) expect(JSON.stringify({ rows: chunk }).length).toBeLessThanOrEqual(8 * 1024);
  });

  it('gives the same chunks and id for the same members, another id for others', async () => {
    expect(await rosterUploadId(rosterChunks(members))).toBe(await rosterUploadId(rosterChunks([...members])));
    expect(await rosterUploadId(rosterChunks(members.slice(1)))).not.toBe(await rosterUploadId(rosterChunks(members)));
  });
});
