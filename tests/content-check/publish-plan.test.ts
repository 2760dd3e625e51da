import { describe, expect, it } from 'vitest';
import { planPublish, readPorcelain } from '../../src/content-check/publish-plan';

const titles: Record<string, string> = { 'content/news/a.mdx': '惠工影院人气旺', 'content/honors/yao-jie.yaml': '姚婕' };
const titleOf = (path: string) => titles[path];

describe('readPorcelain', () => {
  it('reads modified, untracked and renamed paths', () => {
    expect(readPorcelain(' M content/news/a.mdx\0?? content/news/b c.mdx\0R  content/news/new.mdx\0content/news/old.mdx\0')).toEqual([
      { status: ' M', path: 'content/news/a.mdx' },
      { status: '??', path: 'content/news/b c.mdx' },
      { status: 'R ', path: 'content/news/new.mdx' },
    ]);
  });
});

describe('planPublish', () => {
  it('names each entry by its title in a Chinese commit message', () => {
    const plan = planPublish(
      [
        { status: ' M', path: 'content/news/a.mdx' },
        { status: '??', path: 'content/honors/yao-jie.yaml' },
        { status: '??', path: 'public/images/news/a.jpg' },
      ],
      titleOf,
    );
    expect(plan).toEqual({
      ok: true,
      paths: ['content/news/a.mdx', 'content/honors/yao-jie.yaml', 'public/images/news/a.jpg'],
      message:
        '发布：修改稿件《惠工影院人气旺》，新增光荣榜《姚婕》，新增 public/images/news/a.jpg\n\n' +
        '- 修改稿件《惠工影院人气旺》（content/news/a.mdx）\n- 新增光荣榜《姚婕》（content/honors/yao-jie.yaml）\n- 新增 public/images/news/a.jpg（public/images/news/a.jpg）\n',
    });
  });

  it('names a deleted entry by its file name, and shortens a long list in the subject', () => {
    const changes = ['a', 'b', 'c', 'd'].map((id) => ({ status: ' D', path: `content/news/${id}.mdx` }));
    const plan = planPublish(changes, () => undefined);
    expect(plan.ok && plan.message.split('\n')[0]).toBe('发布 4 项内容：删除稿件《a》，删除稿件《b》等');
  });

  it('refuses when anything outside content/ has changed, naming it', () => {
    const plan = planPublish([{ status: ' M', path: 'content/news/a.mdx' }, { status: ' M', path: 'src/pages/index.astro' }], titleOf);
    expect(plan).toMatchObject({ ok: false, reason: 'unrelated' });
    expect(plan.message).toContain('src/pages/index.astro');
  });

  it('says so when there is nothing to publish', () => {
    expect(planPublish([], titleOf)).toMatchObject({ ok: false, reason: 'nothing' });
  });
});
