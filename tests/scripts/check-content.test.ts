import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../helpers/run';

// `npm run check` end to end: one broken fixture per check, each reported with its file, its line and
// the fix, every problem at once; the real content and the clean fixture pass.
function check(folder: string) {
  const { status, output } = run('node', ['scripts/check-content.ts', folder]);
  const lines = output.split('\n').filter((line) => line.startsWith(`${folder}/`));
  return { status, output, lines };
}

const CHECKS: { fixture: string; what: string; lines: string[] }[] = [
  {
    fixture: 'check-schema',
    what: 'schema errors in every collection, with the field and its line',
    lines: [
      'halls/bad-hall.yaml:3: rows 至少要写 1 项（补上缺少的项）',
      'honor-totals/bad-total.yaml:6: figures.0.honor：未知的荣誉“工匠”，可用的有：全国劳动模范（见 content/honor-names.yaml）',
      'honors/bad-honoree.yaml:2: kind：kind 只能是 person（个人）或 collective（集体）',
      'honors/bad-honoree.yaml:5: honors.0.name：未知的荣誉“全国劳模”，可用的有：全国劳动模范（见 content/honor-names.yaml）',
      'honors/bad-honoree.yaml:6: honors.0.year：年份（year）应写成四位数字，如 2020',
      'honors/bad-honoree.yaml:8: stories.0：找不到稿件“no-such-story”：content/news/ 里没有这个文件名（写文件名，不带 .mdx）',
      'news/bad-fields.mdx:1: title：缺少标题（title）',
      'news/bad-fields.mdx:3: date：日期（date）无效，应写成 2023-09-14',
      'news/bad-fields.mdx:6: order 应为数字，现在是“一”（写成数字，不加引号）',
      'news/bad-fields.mdx:7: 不认识的项 subtitel，它不会出现在网站上（是不是 subtitle？改成 subtitle）',
      'news/bad-fields.mdx:8: lead 应为 true 或 false，现在是“是”（写 true 或 false）',
      'programs/bad-program.mdx:6: keyFigures.0.date：缺少时间（date）：照原文写“截至……”，原文没有时就写稿件日期，如 2023-09-14',
      'screenings/bad-screening.yaml:7: startsAt：“下周三晚上”不是带时区的时间（写成 2026-12-02T18:30:00+08:00，北京时间后面加 +08:00）',
      'stations/bad-station.yaml:3: star：星级（star）只能是 1（一星）、2（二星）、3（三星以上）',
      'stations/bad-station.yaml:7: lat：纬度（lat）应在 -90 到 90 之间',
    ],
  },
  {
    fixture: 'check-vocabulary',
    what: 'regions, columns and tags outside the controlled vocabulary',
    lines: [
      'news/unknown-terms.mdx:4: regions.1：未知的地区“山西”，可用的有：四川、山东（见 content/vocabulary.yaml）',
      'news/unknown-terms.mdx:5: column：未知的栏目“服务职工”，可用的有：要闻（见 content/vocabulary.yaml）',
      'news/unknown-terms.mdx:8: tags.1：未知的标签“电影”，可用的有：惠工影院（见 content/vocabulary.yaml）',
    ],
  },
  {
    fixture: 'check-lists',
    what: 'a broken vocabulary and honor-name list',
    lines: [
      'honor-names.yaml:2: honors.0.level：未知的级别“country”，可用的有：national（全国）、provincial（省级）、city（市级）、enterprise（企业级）',
      'vocabulary.yaml:2: regions.0.slug：slug 只能用小写字母、数字和连字符',
      'vocabulary.yaml:5: tags 至少要写 1 项（补上缺少的项）',
    ],
  },
  {
    fixture: 'check-yaml',
    what: 'YAML that does not parse and a story without frontmatter',
    lines: [
      'honors/broken.yaml:3: 格式错误：方括号没有成对（Flow sequence in block collection must be sufficiently indented and end with a ]）（列表要写成 [甲, 乙]，结尾补上 ]）',
      'news/broken-frontmatter.mdx:2: 格式错误：引号没有成对（Missing closing "quote）（在文字末尾补上引号，引号要用英文双引号 "）',
      'news/no-frontmatter.mdx:1: 缺少 frontmatter：文件开头要有两行 ---，中间写稿件信息（用 npm run new 新建文件，或者照其他文件补上）',
    ],
  },
  {
    fixture: 'check-links',
    what: 'internal links the build will not make, including house components’ ids',
    lines: [
      'news/published.mdx:8: 站内链接 /news/no-such-story/ 打不开：网站上没有这一页（稿件的地址是 /news/文件名/）',
      'news/published.mdx:10: 链接的稿件 draft 还是草稿，正式网站上没有这一页（先发布那篇稿件（删掉 draft: true），或者删掉这个链接）',
      'news/published.mdx:12: 站内链接 /regions/sichuan 末尾少了 /（写成 /regions/sichuan/）',
      'news/published.mdx:12: 站内链接 /regions/chongqing/ 打不开：网站上没有这一页（地区、栏目、标签的地址用 content/vocabulary.yaml 里的 slug，而且要有已发布的稿件用到它才有这一页）',
      'news/published.mdx:14: 地址 ../other/ 不是以 / 开头，在网站上会指错地方（写成以 / 开头的站内地址，如 /news/文件名/）',
      'news/published.mdx:18: <RelatedStory id="no-such-story">：稿件里没有“no-such-story”（id 写 content/news/ 里的文件名（不带 .mdx））',
      'news/published.mdx:20: <Honoree id="zhangsan">：光荣榜里没有“zhangsan”（id 写 content/honors/ 里的文件名（不带 .yaml），是不是 zhang-san？）',
      'news/published.mdx:22: <ProgramCard id="huigong">：服务项目里没有“huigong”（id 写 content/programs/ 里的文件名（不带 .mdx））',
      'news/published.mdx:24: 链接的稿件定时在 2099年1月1日 08:00 发布，本稿先上线，那之前这个链接打不开（把本稿的 publishAt 设到不早于那个时间，或者等那篇发布后再加链接）',
    ],
  },
  {
    fixture: 'check-images',
    what: 'images missing from public/, without alt text or from another site',
    lines: [
      'news/images.mdx:8: 图片 /images/no-such.jpg 不存在（把图片放到 public/images/no-such.jpg，或者改正地址）',
      'news/images.mdx:10: 图片 /favicon.svg 没有说明文字（在 ![ ] 的方括号里写图片内容，给读屏软件用）',
      'news/images.mdx:12: 图片 /images/missing.png 不存在（把图片放到 public/images/missing.png，或者改正地址）',
      'news/images.mdx:14: <Figure> 有图片（src）但没有 alt（加上 alt="图片里是什么"，给读屏软件用）',
      'news/images.mdx:16: 图片 https://example.org/a.jpg 在别的网站上，本站的安全策略不显示外站图片（把图片存到 public/images/ 下，地址写成 /images/文件名）',
    ],
  },
  {
    fixture: 'check-duplicates',
    what: 'the same slug twice',
    lines: [
      'news/same.mdx: 和 tests/fixtures/check-duplicates/news/same.md 的文件名相同（不算扩展名），构建时只会留下其中一个（删掉多余的一个，或者给其中一个改名）',
      'news/with-slug.mdx:3: 不要写 slug：网址就是文件名（删掉这一行；要改网址就改文件名）',
      'screenings/2026-12-02-1830.yml: 和 tests/fixtures/check-duplicates/screenings/2026-12-02-1830.yaml 的文件名相同（不算扩展名），构建时只会留下其中一个（删掉多余的一个，或者给其中一个改名）',
    ],
  },
  {
    fixture: 'check-file-names',
    what: 'file names that cannot be URLs and files the build would not read',
    lines: [
      'honors/old/li-si.yaml: 子文件夹里的文件不会被读取（移到 tests/fixtures/check-file-names/honors/ 下）',
      'honors/year.yaml: 文件名“year”是光荣榜筛选页的目录名（换一个文件名，如加上姓名拼音）',
      'honors/张三.yaml: 文件名“张三”不能做网址：只能用小写字母、数字和连字符（改名为 zhang-san.yaml）',
      'news/2.mdx: 文件名“2”是纯数字，会和新闻列表的分页（/news/2/）冲突（在数字前后加上拼音，如 gonghui-2）',
      'news/Bad_Name.mdx: 文件名“Bad_Name”不能做网址：只能用小写字母、数字和连字符（改名为 bad-name.mdx）',
      'programs/program.md: 这个文件不会被读取：programs/ 里只读 .mdx 文件（改名为 program.mdx）',
    ],
  },
  {
    fixture: 'check-draft-past',
    what: 'a draft whose scheduled time has passed',
    lines: [
      'news/old-draft.mdx:7: 这是草稿，但定时发布时间 2023年9月14日 08:00 已经过了，它不会自己发布（要发布就删掉 draft: true（或改成 draft: false）；暂不发布就把 publishAt 改到将来，或者删掉它）',
    ],
  },
  {
    fixture: 'check-future-date',
    what: 'a story dated after today that publishAt does not schedule for its date',
    lines: [
      'news/early-schedule.mdx:3: 日期 2099年1月2日 还没到，定时发布时间却在 2099年1月1日：稿件会带着将来的日期提前发布（把 publishAt 改到 2099-01-02 或以后，或者改正日期（date））',
      'news/future.mdx:3: 日期 2099年1月1日 还没到（按北京时间）：稿件会带着将来的日期发布（日期写错了就改正；要到那天再发布，就加上 publishAt: 2099-01-01T08:00:00+08:00）',
    ],
  },
  {
    fixture: 'check-components',
    what: 'unknown house components, missing props and misuse',
    lines: [
      'news/components.mdx:9: <Foo> 不是本站的组件（可用的组件有：ReadingHint、Figure、PullQuote、KeyFigures、KeyFigure、Honoree、ProgramCard、RelatedStory、Dateline（见 docs/编辑指南.md））',
      'news/components.mdx:12: <KeyFigure> 缺少 label、date（写成 <KeyFigure value="216" unit="场次" label="放映电影" date="自惠工影院开放以来" />）',
      'news/components.mdx:15: <PullQuote> 里的话在正文里找不到（引语只摘正文里已有的原话，一字不改）',
      'news/components.mdx:17: <ReadingHint> 缺少 text（写成 <ReadingHint text="阅读提示的内容" />）',
      'news/components.mdx:17: 阅读提示写了两次：frontmatter 里有 readingHint，正文里又有 <ReadingHint>（只留一处）',
      'news/components.mdx:19: <div> 用了 style 属性，网站的安全策略会拦下它（删掉 style；需要新的版式请找开发同事加组件）',
      'news/components.mdx:25: <Figures> 没有结束标签（在内容后面补上 </Figures>，或者写成 <Figures … />）',
      'news/components.mdx:25: <Figures> 不是本站的组件（是不是 <Figure>？）',
    ],
  },
  {
    fixture: 'check-cinema',
    what: 'screenings the cinema catalogue refuses',
    lines: [
      'screenings/2026-12-02-1830.yaml:6: hall：未知的影厅“no-such-hall”，可用的有：huigong-yingyuan（写 content/halls/ 里的文件名（不带 .yaml））',
      'screenings/2026-12-04-1830.yaml:8: 放票时间 12月4日 周五 18:00 不早于停止领票时间 12月4日 周五 17:30（放票要在开场前 60 分钟停止领票之前：把 releaseAt 提前，或者删掉它按规则放票）',
    ],
  },
  {
    fixture: 'check-screening-zone',
    what: 'screening times without a zone, which each machine reads in its own',
    lines: [
      'screenings/no-offset-space.yaml:7: startsAt：2026-12-09 18:30 没有写时区：北京时间要在后面加 +08:00，不然不同的电脑会读成不同的时间（写成 2026-12-09T18:30:00+08:00）',
      'screenings/no-offset-space.yaml:8: releaseAt：2026-12-07T12:00:00 没有写时区：北京时间要在后面加 +08:00，不然不同的电脑会读成不同的时间（写成 2026-12-07T12:00:00+08:00）',
      'screenings/no-offset.yaml:7: startsAt：2026-12-02T18:30:00 没有写时区：北京时间要在后面加 +08:00，不然不同的电脑会读成不同的时间（写成 2026-12-02T18:30:00+08:00）',
    ],
  },
  {
    fixture: 'check-impossible-dates',
    what: 'impossible dates and times, quoted or not, in every collection that has them',
    lines: [
      'news/month-13.mdx:3: date：2026-13-01 不是真实的日期：没有 13 月（月份是 1–12，日期不超过那个月的天数，如 2026-12-01）',
      'news/quoted-day.mdx:3: date：2026-02-30 不是真实的日期：2026 年 2 月只有 28 天（月份是 1–12，日期不超过那个月的天数，如 2026-12-01）',
      'news/quoted-day.mdx:6: publishAt：2026-12-02T18:61:00+08:00 不是真实的时间：小时是 0–23，分和秒是 0–59（改成真实的时间，如 18:30:00）',
      'programs/huigong-yingyuan.mdx:6: keyFigures.0.date：2023-02-29 不是真实的日期：2023 年 2 月只有 28 天（月份是 1–12，日期不超过那个月的天数，如 2026-12-01）',
      'programs/huigong-yingyuan.mdx:7: keyFigures.1.date：2023-04-31 不是真实的日期：2023 年 4 月只有 30 天（月份是 1–12，日期不超过那个月的天数，如 2026-12-01）',
      'screenings/feb-30.yaml:7: startsAt：2026-02-30T18:30:00+08:00 不是真实的日期：2026 年 2 月只有 28 天（月份是 1–12，日期不超过那个月的天数，如 2026-12-01）',
      'screenings/feb-30.yaml:8: releaseAt：2026-02-23T25:00:00+08:00 不是真实的时间：小时是 0–23，分和秒是 0–59（改成真实的时间，如 18:30:00）',
    ],
  },
  {
    fixture: 'check-overlaps',
    what: 'two screenings in one hall at once, changeover included',
    lines: [
      'screenings/second.yaml:7: 和 tests/fixtures/check-overlaps/screenings/first.yaml 在同一影厅“一号厅”时间重叠：那一场 12月2日 周三 18:30 开场，片长 100 分钟加换场 20 分钟，12月2日 周三 20:30 才空出来（把其中一场改到 12月2日 周三 20:30 或更晚开场，或者换一个影厅；换场时间写在影厅文件的 changeoverMinutes 里，不写就是 15 分钟）',
    ],
  },
  {
    fixture: 'check-every-problem',
    what: 'every problem of a screening at once: its runtime, its hall and its date',
    lines: [
      'screenings/many-problems.yaml:5: film.runtimeMinutes 应大于 0，现在是-90（改成合适的数字）',
      'screenings/many-problems.yaml:6: hall：未知的影厅“san-hao-ting”，可用的有：yi-hao-ting（写 content/halls/ 里的文件名（不带 .yaml））',
      'screenings/many-problems.yaml:7: startsAt：2026-02-30T18:30:00+08:00 不是真实的日期：2026 年 2 月只有 28 天（月份是 1–12，日期不超过那个月的天数，如 2026-12-01）',
    ],
  },
  {
    fixture: 'check-screening-ids',
    what: 'screening ids that are missing, not URL-safe or used twice',
    lines: [
      'screenings/2026-12-09-1830.yaml:1: id“2026-12-02-1830”和 tests/fixtures/check-screening-ids/screenings/2026-12-02-1830.yaml 的相同：两场会共用同一套座位和电子票（给新加的那一场换一个 id；已经放票的那一场不要改）',
      'screenings/2026-12-16-1830.yaml:1: id：缺少场次编号（id）：电子票都记在它名下，定下后不再改；新场次写开场时间和影厅，如 2026-12-02-1830-huigong-yingyuan',
      'screenings/2026-12-18-1830.yaml:1: id：场次编号（id）只能用小写字母、数字和连字符，如 2026-12-02-1830-huigong-yingyuan',
    ],
  },
];

describe('npm run check', () => {
  it.each(CHECKS)('catches $what ($fixture)', ({ fixture, lines }) => {
    const folder = `tests/fixtures/${fixture}`;
    const result = check(folder);
    expect(result.status, result.output).toBe(1);
    expect(result.lines).toEqual(lines.map((line) => `${folder}/${line}`));
    expect(result.output).toContain(`内容检查发现 ${lines.length} 个问题`);
  });

  it.each(['UTC', 'Asia/Shanghai'])('refuses screening times without a zone under TZ=%s too', (TZ) => {
    const { status, output } = run('node', ['scripts/check-content.ts', 'tests/fixtures/check-screening-zone'], { TZ });
    expect(status, output).toBe(1);
    expect(output).toContain('tests/fixtures/check-screening-zone/screenings/no-offset.yaml:7: startsAt：2026-12-02T18:30:00 没有写时区');
  });

  it('passes the real content', () => {
    const { status, output } = run('node', ['scripts/check-content.ts']);
    expect(status, output).toBe(0);
    expect(output).toMatch(/内容检查通过：\d+ 个文件/);
  });

  it('passes a clean fixture that uses every house component', () => {
    const { status, output } = check('tests/fixtures/check-clean');
    expect(status, output).toBe(0);
    expect(output).toContain('内容检查通过：8 个文件');
  });

  it('reads the folder from HUIGONG_CONTENT_DIR too', () => {
    const { status, output } = run('node', ['scripts/check-content.ts'], { HUIGONG_CONTENT_DIR: 'tests/fixtures/check-draft-past' });
    expect(status).toBe(1);
    expect(output).toContain('tests/fixtures/check-draft-past/news/old-draft.mdx:7:');
  });

  it('refuses, in a git work tree, a released screening whose id is gone since HEAD, and accepts it moved with its id', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'huigong-check-git-'));
    try {
      cpSync('tests/fixtures/check-screening-zone/vocabulary.yaml', path.join(repo, 'content/vocabulary.yaml'));
      cpSync('tests/fixtures/check-screening-zone/halls', path.join(repo, 'content/halls'), { recursive: true });
      const released = 'id: 2099-01-07-1830\nfilm:\n  title: 示例\n  synopsis: 示例。\n  runtimeMinutes: 90\nhall: yi-hao-ting\nstartsAt: 2099-01-07T18:30:00+08:00\nreleaseAt: 2026-01-05T12:00:00+08:00\n';
      mkdirSync(path.join(repo, 'content/screenings'));
      writeFileSync(path.join(repo, 'content/screenings/2099-01-07-1830.yaml'), released);
      const git = (...args: string[]) => spawnSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { encoding: 'utf8' });
      git('init', '-q');
      git('add', '-A');
      expect(git('commit', '-qm', 'screening').status).toBe(0);

      const moved = path.join(repo, 'content/screenings/2099-01-08-1830.yaml');
      renameSync(path.join(repo, 'content/screenings/2099-01-07-1830.yaml'), moved);
      writeFileSync(moved, released.replace('id: 2099-01-07-1830\n', 'id: 2099-01-08-1830\n').replace('2099-01-07T', '2099-01-08T'));
      const refused = run('node', ['scripts/check-content.ts', path.join(repo, 'content')]);
      expect(refused.status, refused.output).toBe(1);
      expect(refused.output).toMatch(/screenings\/2099-01-07-1830\.yaml: 已经放票的场次“2099-01-07-1830”不见了.*保留 id: 2099-01-07-1830/);

      writeFileSync(moved, readFileSync(moved, 'utf8').replace('id: 2099-01-08-1830', 'id: 2099-01-07-1830'));
      const accepted = run('node', ['scripts/check-content.ts', path.join(repo, 'content')]);
      expect(accepted.status, accepted.output).toBe(0);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
