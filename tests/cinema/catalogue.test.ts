import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/cinema/catalogue';
import { screeningSchema } from '../../src/cinema/screening-schema';
import type { Hall } from '../../src/cinema/hall-schema';

const hall: Hall = { name: '厅', venue: '馆', rows: [{ row: 1, seats: 4, aisleAfter: [], accessible: [], blocked: [] }] };
const film = { title: '示例', synopsis: '示例数据', runtimeMinutes: 90 };
const screening = (id: string, over: Record<string, unknown> = {}) =>
  screeningSchema(['main', 'side']).parse({ id, film, hall: 'main', startsAt: '2026-12-04T18:30:00+08:00', ...over });

describe('screeningSchema', () => {
  it.each([
    ['startsAt', '2026-12-04T18:30:00-08:00'],
    ['startsAt', '2026-12-04T18:30:00+14:00'],
    ['startsAt', '1826-12-04T18:30:00+08:00'],
    ['releaseAt', '2026-11-30T12:00:00Z'],
  ])('refuses %s %s: Beijing time (+08:00) only, years 2000–2099', (field, time) => {
    const result = screeningSchema(['main']).safeParse({ id: 'x', film, hall: 'main', startsAt: '2026-12-04T18:30:00+08:00', [field]: time });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});

describe('buildCatalogue', () => {
  it('resolves release and close times and sorts by start', () => {
    const { catalogue, problems } = buildCatalogue(
      { main: hall },
      { 'fri.yaml': screening('fri'), 'wed.yaml': screening('wed', { startsAt: '2026-12-02T18:30:00+08:00' }) },
    );
    expect(problems).toEqual([]);
    expect(catalogue.screenings.map((s) => [s.id, s.releaseAt, s.closesAt])).toEqual([
      ['wed', '2026-11-30T04:00:00.000Z', '2026-12-02T09:30:00.000Z'],
      ['fri', '2026-12-03T04:00:00.000Z', '2026-12-04T09:30:00.000Z'],
    ]);
  });

  it('names each screening by the id in its file, not by the file', () => {
    const { catalogue } = buildCatalogue({ main: hall }, { 'renamed-file.yaml': screening('2026-12-04-1830') });
    expect(catalogue.screenings.map((s) => s.id)).toEqual(['2026-12-04-1830']);
  });

  it('keeps an editor-set release time', () => {
    const { catalogue } = buildCatalogue({ main: hall }, { 'fri.yaml': screening('fri', { releaseAt: '2026-12-01T09:00:00+08:00' }) });
    expect(catalogue.screenings[0]!.releaseAt).toBe('2026-12-01T01:00:00.000Z');
  });

  it('reports every unknown hall and every release after closing, with the field', () => {
    const { catalogue, problems } = buildCatalogue(
      { main: hall },
      {
        'a.yaml': screening('a', { hall: 'side' }),
        'b.yaml': screening('b', { releaseAt: '2026-12-04T18:00:00+08:00' }),
      },
    );
    expect(catalogue.screenings).toEqual([]);
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['a.yaml', 'hall'],
      ['b.yaml', 'releaseAt'],
    ]);
    expect(problems[0]!.message).toContain('未知的影厅“side”');
  });

  it('refuses an id used twice, naming the file that has it first', () => {
    const { problems } = buildCatalogue(
      { main: hall },
      { 'a.yaml': screening('same'), 'b.yaml': screening('same', { startsAt: '2026-12-11T18:30:00+08:00' }) },
    );
    expect(problems).toEqual([expect.objectContaining({ file: 'b.yaml', field: 'id', message: expect.stringContaining('和 a.yaml 的相同') })]);
  });

  describe('one screening at a time in a hall', () => {
    const at = (time: string, runtimeMinutes = 90) => ({ startsAt: `2026-12-04T${time}:00+08:00`, film: { ...film, runtimeMinutes } });

    it('refuses a start before the earlier film and the default 15-minute changeover are over', () => {
      const { problems } = buildCatalogue({ main: hall }, { 'a.yaml': screening('a', at('18:30')), 'b.yaml': screening('b', at('20:14')) });
      expect(problems).toEqual([
        expect.objectContaining({ file: 'b.yaml', field: 'startsAt', message: expect.stringContaining('和 a.yaml 在同一影厅“厅”时间重叠') }),
      ]);
      expect(problems[0]!.message).toContain('片长 90 分钟加换场 15 分钟，12月4日 周五 20:15 才空出来');
    });

    it('accepts a start right after the changeover, and the same time in another hall', () => {
      const { problems } = buildCatalogue(
        { main: hall, side: hall },
        { 'a.yaml': screening('a', at('18:30')), 'b.yaml': screening('b', at('20:15')), 'c.yaml': screening('c', { ...at('18:30'), hall: 'side' }) },
      );
      expect(problems).toEqual([]);
    });

    it('uses the changeover the hall declares', () => {
      const slow = { ...hall, changeoverMinutes: 30 };
      const { problems } = buildCatalogue({ main: slow }, { 'a.yaml': screening('a', at('18:30')), 'b.yaml': screening('b', at('20:15')) });
      expect(problems.map((p) => p.file)).toEqual(['b.yaml']);
      expect(problems[0]!.message).toContain('加换场 30 分钟');
    });

    it('counts a whole-screening booking as using the hall', () => {
      const { problems } = buildCatalogue(
        { main: hall },
        { 'a.yaml': screening('a', { ...at('18:30'), booking: { union: '港务工会' } }), 'b.yaml': screening('b', at('19:00')) },
      );
      expect(problems.map((p) => p.file)).toEqual(['b.yaml']);
    });
  });
});

describe('allocation', () => {
  const lottery = (id: string, over: Record<string, unknown> = {}) => screening(id, { allocation: 'lottery', ...over });

  it('is first-come unless a file says lottery, which draws the morning after the release', () => {
    const { catalogue, problems } = buildCatalogue({ main: hall }, { 'a.yaml': screening('a'), 'b.yaml': lottery('b', { startsAt: '2026-12-11T18:30:00+08:00' }) });
    expect(problems).toEqual([]);
    expect(catalogue.screenings.map((s) => [s.id, s.allocation, s.drawAt])).toEqual([
      ['a', 'first-come', undefined],
      ['b', 'lottery', '2026-12-11T00:00:00.000Z'],
    ]);
  });

  it('refuses an allocation it does not know', () => {
    const result = screeningSchema(['main']).safeParse({ id: 'x', film, hall: 'main', startsAt: '2026-12-04T18:30:00+08:00', allocation: 'raffle' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['allocation', '放票方式（allocation）只能写 first-come（先到先得）或 lottery（抽签）'],
    ]);
  });

  it('takes a written drawAt, and refuses one outside the release-to-close window', () => {
    const ok = buildCatalogue({ main: hall }, { 'b.yaml': lottery('b', { drawAt: '2026-12-03T20:00:00+08:00' }) });
    expect(ok.problems).toEqual([]);
    expect(ok.catalogue.screenings[0]!.drawAt).toBe('2026-12-03T12:00:00.000Z');
    for (const drawAt of ['2026-12-03T12:00:00+08:00', '2026-12-04T17:30:00+08:00']) {
      const { problems } = buildCatalogue({ main: hall }, { 'b.yaml': lottery('b', { drawAt }) });
      expect(problems.map((p) => [p.file, p.field])).toEqual([['b.yaml', 'drawAt']]);
      expect(problems[0]!.message).toContain('要在放票');
    }
  });

  it('reports a lottery whose rule draw falls after the close, a drawAt without a lottery, and a lottery on a booked screening', () => {
    const late = buildCatalogue({ main: hall }, { 'c.yaml': lottery('c', { startsAt: '2026-12-04T08:30:00+08:00', releaseAt: '2026-12-03T12:00:00+08:00' }) });
    expect(late.problems.map((p) => p.field)).toEqual(['allocation']);
    const stray = buildCatalogue({ main: hall }, { 'd.yaml': screening('d', { drawAt: '2026-12-03T20:00:00+08:00' }) });
    expect(stray.problems.map((p) => [p.field, p.message])).toEqual([['drawAt', '先到先得的场次没有抽签，drawAt 不起作用']]);
    const booked = buildCatalogue({ main: hall }, { 'e.yaml': lottery('e', { booking: { union: '市总工会' } }) });
    expect(booked.problems.map((p) => p.field)).toEqual(['allocation']);
    expect(booked.catalogue.screenings).toEqual([]);
  });
});
