import { describe, expect, it } from 'vitest';
import { maskNonMarkup, plainText, scanMdx } from '../../src/content-check/mdx-scan';

describe('scanMdx', () => {
  it('finds components with their attributes and lines, counted from the body’s first line', () => {
    const body = '\n正文<Honoree id="yao-jie">姚婕</Honoree>。\n\n<KeyFigures title=\'关键数字\'>\n  <KeyFigure value="216" unit="场次" data={[1, 2]} wide />\n</KeyFigures>\n';
    const { tags, elements, problems } = scanMdx(body, 10);
    expect(problems).toEqual([]);
    expect(tags.filter((tag) => !tag.closing).map((tag) => [tag.name, tag.line])).toEqual([
      ['Honoree', 11],
      ['KeyFigures', 13],
      ['KeyFigure', 14],
    ]);
    expect(tags.find((tag) => tag.name === 'KeyFigure')!.attributes).toEqual([
      { name: 'value', value: '216', expression: false },
      { name: 'unit', value: '场次', expression: false },
      { name: 'data', expression: true },
      { name: 'wide', expression: false },
    ]);
    expect(elements.map((element) => [element.tag.name, element.inner.trim()])).toEqual([
      ['Honoree', '姚婕'],
      ['KeyFigures', '<KeyFigure value="216" unit="场次" data={[1, 2]} wide />'],
      ['KeyFigure', ''],
    ]);
  });

  it('reports a component left open and a closing tag without an opening one', () => {
    const { problems } = scanMdx('<PullQuote>引语\n\n</Figure>\n', 1);
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [3, '</Figure> 没有对应的 <Figure>'],
      [1, '<PullQuote> 没有结束标签'],
    ]);
  });

  it('finds markdown links, images, reference definitions and href/src attributes', () => {
    const body = '见[稿件](/news/a/ "标题")和![图](/images/a.jpg)。\n\n[参考]: </news/b/>\n\n<a href="/news/c/">c</a><Figure src="/images/b.jpg" alt="乙" />\n';
    expect(scanMdx(body).links).toEqual([
      { url: '/news/a/', line: 1, image: false },
      { url: '/images/a.jpg', line: 1, image: true, alt: '图' },
      { url: '/news/b/', line: 3, image: false },
      { url: '/news/c/', line: 5, image: false },
      { url: '/images/b.jpg', line: 5, image: true, alt: '乙' },
    ]);
  });

  it('ignores what is not markup: comments, code, autolinks and a lone <', () => {
    const body = '{/* <Foo /> */}\n\n`<Bar />`\n\n```\n<Baz />\n```\n\n<https://example.org/> 1 < 2\n';
    expect(scanMdx(body).tags).toEqual([]);
  });
});

describe('maskNonMarkup', () => {
  it('keeps every offset and line', () => {
    const body = 'a{/* x\ny */}b';
    expect(maskNonMarkup(body)).toHaveLength(body.length);
    expect(maskNonMarkup(body).split('\n')).toHaveLength(2);
  });
});

describe('plainText', () => {
  it('drops tags, link targets, marks and white space', () => {
    expect(plainText('**这是** <Honoree id="a">姚婕</Honoree>的[话](/news/a/)。\n')).toBe('这是姚婕的话。');
  });
});
