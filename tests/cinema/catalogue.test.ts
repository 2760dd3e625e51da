import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/cinema/catalogue';
import { screeningSchema } from '../../src/cinema/screening-schema';
import type { Hall } from '../../src/cinema/hall-schema';

const hall: Hall = { name: '厅', venue: '馆', rows: [{ row: 1, seats: 4, aisleAfter: [], accessible: [], blocked: [] }] };
const film = { title: '示例', synopsis: '示例数据', runtimeMinutes: 90 };
const screening = (over: Record<string, unknown> = {}) =>
  screeningSchema.parse({ film, hall: 'main', startsAt: '2026-12-04T18:30:00+08:00', ...over });

describe('buildCatalogue', () => {
  it('resolves release and close times and sorts by start', () => {
    const { catalogue, problems } = buildCatalogue(
      { main: hall },
      { fri: screening(), wed: screening({ startsAt: '2026-12-02T18:30:00+08:00' }) },
    );
    expect(problems).toEqual([]);
    expect(catalogue.screenings.map((s) => [s.id, s.releaseAt, s.closesAt])).toEqual([
      ['wed', '2026-11-30T04:00:00.000Z', '2026-12-02T09:30:00.000Z'],
      ['fri', '2026-12-03T04:00:00.000Z', '2026-12-04T09:30:00.000Z'],
    ]);
  });

  it('keeps an editor-set release time', () => {
    const { catalogue } = buildCatalogue({ main: hall }, { fri: screening({ releaseAt: '2026-12-01T09:00:00+08:00' }) });
    expect(catalogue.screenings[0]!.releaseAt).toBe('2026-12-01T01:00:00.000Z');
  });

  it('reports every unknown hall and every release after closing', () => {
    const { catalogue, problems } = buildCatalogue(
      { main: hall },
      {
        a: screening({ hall: 'nope' }),
        b: screening({ releaseAt: '2026-12-04T18:00:00+08:00' }),
      },
    );
    expect(catalogue.screenings).toEqual([]);
    expect(problems.map((p) => p.screening)).toEqual(['a', 'b']);
    expect(problems[0]!.message).toContain('未知的影厅“nope”');
  });
});
