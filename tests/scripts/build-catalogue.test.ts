import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../helpers/run';

// The catalogue build (the first step of `npm run build`) in a child process, under the two zones a build
// machine is likely to have: what it accepts and refuses must not depend on the machine's zone.
const out = mkdtempSync(path.join(tmpdir(), 'huigong-catalogue-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const ZONES = ['UTC', 'Asia/Shanghai'];

function buildCatalogue(fixture: string, TZ: string) {
  const catalogue = path.join(out, `${fixture}-${TZ.replace('/', '-')}.json`);
  const { status, output } = run('node', ['scripts/build-catalogue.ts'], { HUIGONG_CONTENT_DIR: `tests/fixtures/${fixture}`, HUIGONG_CATALOGUE: catalogue, TZ });
  const lines = output.split('\n').filter((line) => line.startsWith('tests/fixtures/'));
  return { status, output, lines, catalogue };
}

describe('scripts/build-catalogue.ts', () => {
  it.each(ZONES)('refuses screening times without a zone under TZ=%s, saying how to write them', (TZ) => {
    const { status, output, lines } = buildCatalogue('check-screening-zone', TZ);
    expect(status, output).toBe(1);
    expect(lines).toEqual([
      'tests/fixtures/check-screening-zone/screenings/no-offset-space.yaml:7: startsAt：2026-12-09 18:30 没有写时区：北京时间要在后面加 +08:00，不然不同的电脑会读成不同的时间（写成 2026-12-09T18:30:00+08:00）',
      'tests/fixtures/check-screening-zone/screenings/no-offset-space.yaml:8: releaseAt：2026-12-07T12:00:00 没有写时区：北京时间要在后面加 +08:00，不然不同的电脑会读成不同的时间（写成 2026-12-07T12:00:00+08:00）',
      'tests/fixtures/check-screening-zone/screenings/no-offset.yaml:7: startsAt：2026-12-02T18:30:00 没有写时区：北京时间要在后面加 +08:00，不然不同的电脑会读成不同的时间（写成 2026-12-02T18:30:00+08:00）',
    ]);
  });

  it.each(ZONES)('writes the same catalogue under TZ=%s', (TZ) => {
    const { status, output, catalogue } = buildCatalogue('check-clean', TZ);
    expect(status, output).toBe(0);
    const { screenings } = JSON.parse(readFileSync(catalogue, 'utf8'));
    expect(screenings.map((s: { id: string; startsAt: string; releaseAt: string }) => [s.id, s.startsAt, s.releaseAt])).toEqual([
      ['2026-12-02-1830', '2026-12-02T10:30:00.000Z', '2026-11-30T04:00:00.000Z'],
    ]);
  });

  it('refuses impossible dates and times with the line and the fix', () => {
    const { status, lines } = buildCatalogue('check-impossible-dates', 'UTC');
    expect(status).toBe(1);
    expect(lines).toEqual([
      'tests/fixtures/check-impossible-dates/screenings/feb-30.yaml:7: startsAt：2026-02-30T18:30:00+08:00 不是真实的日期：2026 年 2 月只有 28 天（月份是 1–12，日期不超过那个月的天数，如 2026-12-01）',
      'tests/fixtures/check-impossible-dates/screenings/feb-30.yaml:8: releaseAt：2026-02-23T25:00:00+08:00 不是真实的时间：小时是 0–23，分和秒是 0–59（改成真实的时间，如 18:30:00）',
    ]);
  });

  it('refuses two screenings in one hall at once, naming both files', () => {
    const { status, lines } = buildCatalogue('check-overlaps', 'UTC');
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tests\/fixtures\/check-overlaps\/screenings\/second\.yaml:7: 和 tests\/fixtures\/check-overlaps\/screenings\/first\.yaml 在同一影厅“一号厅”时间重叠/);
  });

  it('lists every problem of a screening at once', () => {
    const { status, lines } = buildCatalogue('check-every-problem', 'UTC');
    expect(status).toBe(1);
    expect(lines.map((line) => line.split(': ')[0])).toEqual([
      'tests/fixtures/check-every-problem/screenings/many-problems.yaml:5',
      'tests/fixtures/check-every-problem/screenings/many-problems.yaml:6',
      'tests/fixtures/check-every-problem/screenings/many-problems.yaml:7',
    ]);
  });

  it('refuses missing and duplicate screening ids, naming both files', () => {
    const { status, lines } = buildCatalogue('check-screening-ids', 'UTC');
    expect(status).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('2026-12-09-1830.yaml:1: id“2026-12-02-1830”和 tests/fixtures/check-screening-ids/screenings/2026-12-02-1830.yaml 的相同');
  });
});
