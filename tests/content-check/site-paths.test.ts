import { describe, expect, it } from 'vitest';
import { sitePaths } from '../../src/content-check/site-paths';
import { makeStory } from '../helpers/story';
import { honor, honorNames, makeHonoree, vocabulary } from '../helpers/honoree';

const content = (overrides: Partial<Parameters<typeof sitePaths>[0]> = {}) => ({
  stories: [],
  honorees: [],
  programIds: [],
  stations: [],
  vocabulary,
  honorNames,
  districts: { districts: [] },
  ...overrides,
});

describe('sitePaths', () => {
  it('always has the fixed pages', () => {
    const paths = sitePaths(content());
    for (const path of ['/', '/news/', '/honors/', '/programs/', '/cinema/', '/search/', '/rss.xml']) expect(paths).toContain(path);
  });

  it('has a story page and list pages only for terms published stories use, drafts left out', () => {
    const paths = sitePaths(
      content({
        stories: [
          makeStory('a', { regions: ['四川'], column: '要闻', tags: ['工匠人才'] }),
          makeStory('b', { regions: ['湖北'], draft: true }),
          makeStory('c', { regions: ['山东'], publishAt: new Date('2099-01-01T00:00:00Z') }),
        ],
      }),
    );
    expect(paths).toContain('/news/a/');
    expect(paths).not.toContain('/news/b/');
    expect(paths).toContain('/news/c/');
    expect(paths).toContain('/regions/sichuan/');
    expect(paths).toContain('/regions/shandong/');
    expect(paths).not.toContain('/regions/hubei/');
    expect(paths).toContain('/columns/yaowen/');
    expect(paths).toContain('/tags/gongjiang-rencai/');
    expect(paths).toContain('/archive/2023-09/');
  });

  it('numbers the pages of long lists', () => {
    const stories = Array.from({ length: 11 }, (_, i) => makeStory(`s${i}`));
    const paths = sitePaths(content({ stories }));
    expect(paths).toContain('/news/2/');
    expect(paths).not.toContain('/news/3/');
    expect(paths).toContain('/regions/sichuan/2/');
  });

  it('has an honoree’s page and filter pages once a story naming them is published', () => {
    const honorees = [
      makeHonoree('yao-jie', { honors: [honor('全国劳动模范')], stories: [{ id: 'a', collection: 'news' }] }),
      makeHonoree('wang-wu', { honors: [honor('荆楚工匠')], stories: [{ id: 'b', collection: 'news' }] }),
    ];
    const paths = sitePaths(content({ stories: [makeStory('a'), makeStory('b', { draft: true })], honorees }));
    expect(paths).toContain('/honors/yao-jie/');
    expect(paths).toContain('/honors/level/national/');
    expect(paths).toContain('/honors/honor/quanguo-laodong-mofan/');
    expect(paths).not.toContain('/honors/wang-wu/');
    expect(paths).not.toContain('/honors/honor/jingchu-gongjiang/');
  });

  it('has every program page', () => {
    expect(sitePaths(content({ programIds: ['huigong-yingyuan'] }))).toContain('/programs/huigong-yingyuan/');
  });
});
