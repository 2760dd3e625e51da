import { describe, expect, it } from 'vitest';
import { run } from '../helpers/run';

// One broken fixture per collection: the build refuses it, naming the file and the field.
describe('astro sync on broken honors, programs and stations', () => {
  it.each([
    {
      fixture: 'content-bad-honor',
      file: 'honors/bad-honoree.yaml',
      errors: ['honors.0.name: 未知的荣誉“全国劳模”', 'stories.0: 找不到稿件“no-such-story”'],
    },
    { fixture: 'content-bad-honor-total', file: 'honor-totals/bad-total.yaml', errors: ['figures.0.honor: 未知的荣誉“工匠”'] },
    {
      fixture: 'content-bad-program',
      file: 'programs/bad-program.mdx',
      errors: ['keyFigures.0.date: 缺少时间（date）'],
    },
    {
      fixture: 'content-bad-station',
      file: 'stations/bad-station.yaml',
      errors: ['star: 星级（star）只能是 1（一星）、2（二星）、3（三星以上）', 'lat: 纬度（lat）应在 -90 到 90 之间'],
    },
  ])('fails on $fixture, naming $file and the fields', ({ fixture, file, errors }) => {
    const { status, output } = run('astro', ['sync'], { HUIGONG_CONTENT_DIR: `tests/fixtures/${fixture}` });
    expect(status).not.toBe(0);
    expect(output).toContain(`${fixture}/${file}`);
    for (const error of errors) expect(output).toContain(error);
  });
});
