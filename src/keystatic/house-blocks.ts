import { createElement } from 'react';
import { fields } from '@keystatic/core';
import { block, mark, repeating, wrapper, type ContentComponent } from '@keystatic/core/content-components';
import { HOUSE_COMPONENTS, PROGRAM_PAGE_COMPONENTS } from '../content-check/house-components';

/**
 * A toolbar glyph for a mark: one character, since Keystatic's icon set has nothing for 光荣榜. Keystatic
 * draws a mark's icon inside its own 24×24 <svg>, so the glyph is SVG text, not HTML.
 */
const glyph = (text: string) =>
  createElement('text', { x: 12, y: 18, textAnchor: 'middle', fontSize: 16, fontWeight: 700, fill: 'currentColor', stroke: 'none' }, text);

const label = (name: keyof typeof HOUSE_COMPONENTS) => HOUSE_COMPONENTS[name]!.label;

/**
 * The house components (src/components/house/) as blocks of Keystatic's MDX editor: the names and props
 * are the MDX tags' own, so a saved body renders through `<Content components={houseComponents}>` with no
 * import line. Labels come from src/content-check/house-components.ts, which the guide and the checker use.
 * `collection` is the folder the entry lives in: a Figure's image is uploaded to
 * public/images/<collection>/<entry's file name>/, and its src (/images/<collection>/<file name>/…) is the
 * site path `npm run check` looks for under public/ and the Figure component shows.
 */
export function houseBlocks(collection: 'news' | 'programs'): Record<string, ContentComponent> {
  return {
    ReadingHint: block({
      label: label('ReadingHint'),
      schema: { text: fields.text({ label: '提示内容', multiline: true, validation: { isRequired: true } }) },
    }),
    Figure: wrapper({
      label: label('Figure'),
      description: '有原图才放图片；没有原图只写图片说明和署名，不配别的图。',
      schema: {
        src: fields.image({ label: '图片（有原图才放）', directory: `public/images/${collection}`, publicPath: `/images/${collection}/` }),
        // Required even without an image: the editor cannot make one field depend on another, and the
        // description of the report's photo is kept for when the picture is found.
        alt: fields.text({
          label: '图片描述（必填：图片里是什么，给读屏软件用；没有原图就写原报道的图拍的是什么）',
          validation: { isRequired: true },
        }),
        credit: fields.text({ label: '署名（必填，照原文，如：新华社记者 某某 摄）', validation: { isRequired: true } }),
      },
    }),
    PullQuote: wrapper({
      label: label('PullQuote'),
      schema: { cite: fields.text({ label: '说话人（原文写了才填）' }) },
    }),
    KeyFigures: repeating({
      label: label('KeyFigures'),
      description: '一组关键数字，每个数字照原文写数值、单位、说明和时间。',
      children: ['KeyFigure'],
      validation: { children: { min: 1 } },
      schema: {
        title: fields.text({ label: '标题（不填就是“关键数字”）' }),
        story: fields.relationship({ label: '数字引自另一篇稿件时选它', collection: 'news' }),
        source: fields.text({ label: '数字来自其他单位时写单位名' }),
      },
    }),
    KeyFigure: block({
      label: label('KeyFigure'),
      forSpecificLocations: true,
      schema: {
        value: fields.text({ label: '数值（照原文，如 216、2.79、380余）', validation: { isRequired: true } }),
        unit: fields.text({ label: '单位（如 场次、万人次）', validation: { isRequired: true } }),
        label: fields.text({ label: '说明（如 放映电影）', validation: { isRequired: true } }),
        date: fields.text({ label: '时间（照原文，如 截至8月30日）', validation: { isRequired: true } }),
      },
    }),
    Honoree: mark({
      label: label('Honoree'),
      icon: glyph('榜'),
      tag: 'span',
      schema: { id: fields.relationship({ label: '光荣榜上的人或集体', collection: 'honors', validation: { isRequired: true } }) },
    }),
    ProgramCard: block({
      label: label('ProgramCard'),
      schema: { id: fields.relationship({ label: '服务项目', collection: 'programs', validation: { isRequired: true } }) },
    }),
    RelatedStory: block({
      label: label('RelatedStory'),
      schema: { id: fields.relationship({ label: '稿件', collection: 'news', validation: { isRequired: true } }) },
    }),
    Dateline: mark({ label: label('Dateline'), icon: glyph('电'), tag: 'strong', schema: {} }),
  };
}

const PROGRAM_PAGE_LABELS: Record<(typeof PROGRAM_PAGE_COMPONENTS)[number], string> = {
  CinemaLive: '影院场次和余票（实时）',
  StationDirectoryLink: '暖蜂驿站站点目录链接',
};

/** Program pages also offer their live blocks, which take no props. */
export function programPageBlocks(): Record<string, ContentComponent> {
  return {
    ...houseBlocks('programs'),
    ...Object.fromEntries(PROGRAM_PAGE_COMPONENTS.map((name) => [name, block({ label: PROGRAM_PAGE_LABELS[name] ?? name, schema: {} })])),
  };
}
