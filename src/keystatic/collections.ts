import { collection, fields } from '@keystatic/core';
import { COLLECTIVE_TYPE_LABELS } from '../honors/honoree';
import { STATION_STARS, STAR_LABELS } from '../stations/stars';
import { pinyinSlug, SLUG } from '../content-check/slug';
import { houseBlocks, programPageBlocks } from './house-blocks';
import { storedSelect } from './stored-select';
import { bookingField } from './booking-field';
import { beijingTimeField } from './beijing-time-field';
import { nameOptions, type EditorVocabulary } from './vocabulary-options';

/** New entries get a pinyin file name from their Chinese title, as `npm run new` gives them; it is fixed once saved. */
const pinyinFileName = (label: string, { person = false } = {}) => ({
  label,
  generate: (name: string) => pinyinSlug(name, { person }),
  validation: { pattern: { regex: SLUG, message: '文件名只能用小写字母、数字和连字符（拼音）' } },
});

const required = { isRequired: true } as const;

function news({ vocabulary }: EditorVocabulary) {
  return collection({
    label: '稿件',
    path: 'content/news/*',
    slugField: 'title',
    entryLayout: 'content',
    format: { contentField: 'body' },
    columns: ['title', 'date'],
    schema: {
      kicker: fields.text({ label: '引题（标题上面一行）' }),
      title: fields.slug({ name: { label: '标题', validation: required }, slug: pinyinFileName('文件名（网址，拼音，建好后不再改）') }),
      subtitle: fields.text({ label: '副题（标题下面一行）' }),
      kind: fields.select({
        label: '体裁',
        options: [
          { label: '通讯、消息', value: 'story' },
          { label: '简讯', value: 'brief' },
          { label: '图片新闻', value: 'photo' },
        ],
        defaultValue: 'story',
      }),
      byline: fields.array(
        fields.object({
          role: fields.text({ label: '身份（如 本报记者）', validation: required }),
          names: fields.array(fields.text({ label: '姓名', validation: required }), { label: '姓名', itemLabel: (p) => p.value || '姓名' }),
        }),
        { label: '署名', itemLabel: (p) => `${p.fields.role.value} ${p.fields.names.elements.map((n) => n.value).join(' ')}` },
      ),
      dateline: fields.text({ label: '电头（如 本报讯）' }),
      date: fields.date({ label: '日期', validation: required }),
      regions: fields.multiselect({ label: '地区（至少一个）', options: nameOptions(vocabulary.regions) }),
      column: fields.select({ label: '栏目', options: nameOptions(vocabulary.columns), defaultValue: vocabulary.columns[0]!.name }),
      tags: fields.multiselect({ label: '标签', options: nameOptions(vocabulary.tags) }),
      readingHint: fields.text({ label: '阅读提示', multiline: true }),
      photoCredit: fields.text({ label: '图片署名（图片新闻必填，如 新华社记者 某某 摄）' }),
      lead: fields.checkbox({ label: '头条（首页头条稿件）' }),
      order: fields.integer({ label: '版面顺序（同一天的稿件，小的在前）', defaultValue: 100, validation: { min: 1 } }),
      draft: fields.checkbox({ label: '草稿（不发布）' }),
      publishAt: beijingTimeField({ label: '定时发布（北京时间，如 2026-12-02T08:00:00+08:00；不填就随下一次构建发布）' }),
      body: fields.mdx({ label: '正文', components: houseBlocks('news') }),
    },
  });
}

function honors({ vocabulary, honorNames }: EditorVocabulary) {
  return collection({
    label: '光荣榜',
    path: 'content/honors/*',
    slugField: 'name',
    format: { data: 'yaml' },
    schema: {
      name: fields.slug({ name: { label: '姓名或名称', validation: required }, slug: pinyinFileName('文件名（拼音，建好后不再改）', { person: true }) }),
      kind: fields.select({ label: '个人或集体', options: [{ label: '个人', value: 'person' }, { label: '集体', value: 'collective' }], defaultValue: 'person' }),
      collectiveType: storedSelect({
        label: '集体类型（只有集体才选）',
        none: '（个人，不选）',
        options: Object.entries(COLLECTIVE_TYPE_LABELS).map(([value, label]) => ({ label, value })),
      }),
      employer: fields.text({ label: '单位（照原文）' }),
      position: fields.text({ label: '职务（照原文）' }),
      regions: fields.multiselect({ label: '地区（至少一个）', options: nameOptions(vocabulary.regions) }),
      honors: fields.array(
        fields.object({
          name: fields.select({ label: '荣誉', options: nameOptions(honorNames.honors), defaultValue: honorNames.honors[0]!.name }),
          printed: fields.text({ label: '原文写法（和荣誉名称不同时填，如 全国劳模）' }),
          conferredBy: fields.text({ label: '授予单位（原文写了才填）' }),
          year: fields.integer({ label: '年份（原文写了才填）', validation: { min: 1949, max: 2100 } }),
        }),
        { label: '荣誉（至少一项）', itemLabel: (p) => p.fields.name.value, validation: { length: { min: 1 } } },
      ),
      asPrinted: fields.text({ label: '原文表述（照抄报道中介绍此人或集体的原话）', multiline: true, validation: required }),
      stories: fields.multiRelationship({ label: '出处稿件（至少一篇）', collection: 'news', validation: { length: { min: 1 } } }),
    },
  });
}

function programs({ vocabulary }: EditorVocabulary) {
  return collection({
    label: '服务项目',
    path: 'content/programs/*',
    slugField: 'title',
    entryLayout: 'content',
    format: { contentField: 'body' },
    schema: {
      title: fields.slug({ name: { label: '项目名称', validation: required }, slug: pinyinFileName('文件名（网址，拼音，建好后不再改）') }),
      fullName: fields.text({ label: '全称（原文有才填）' }),
      summary: fields.text({ label: '简介（一两句话，用在目录和搜索结果里）', multiline: true, validation: required }),
      regions: fields.multiselect({ label: '地区（至少一个）', options: nameOptions(vocabulary.regions) }),
      operator: fields.text({ label: '主办或承办单位' }),
      audience: fields.text({ label: '服务对象' }),
      where: fields.text({ label: '地点' }),
      when: fields.text({ label: '时间' }),
      howTo: fields.array(fields.text({ label: '步骤', validation: required }), { label: '怎么用（按顺序一步一行）', itemLabel: (p) => p.value }),
      keyFigures: fields.array(
        fields.object({
          value: fields.text({ label: '数值（照原文）', validation: required }),
          unit: fields.text({ label: '单位', validation: required }),
          label: fields.text({ label: '说明', validation: required }),
          date: fields.text({ label: '时间（照原文，原文没有就写稿件日期 2023-09-14）', validation: required }),
          sourceStory: fields.relationship({ label: '出处稿件', collection: 'news', validation: required }),
        }),
        { label: '关键数字', itemLabel: (p) => `${p.fields.value.value}${p.fields.unit.value} ${p.fields.label.value}` },
      ),
      stories: fields.multiRelationship({ label: '依据的稿件（至少一篇）', collection: 'news', validation: { length: { min: 1 } } }),
      order: fields.integer({ label: '在服务项目目录里的顺序（小的在前）', defaultValue: 100, validation: { min: 1 } }),
      body: fields.mdx({ label: '正文', components: programPageBlocks() }),
    },
  });
}

function screenings({ halls }: EditorVocabulary) {
  return collection({
    label: '电影场次',
    path: 'content/screenings/*',
    slugField: 'id',
    format: { data: 'yaml' },
    schema: {
      id: fields.slug({
        name: { label: '场次编号（电子票都记在它名下，放票后不要改）', validation: { isRequired: true, pattern: { regex: SLUG, message: '只能用小写字母、数字和连字符，如 2026-12-02-1830' } } },
        slug: { label: '文件名', generate: (id) => id },
      }),
      film: fields.object(
        {
          title: fields.text({ label: '片名', validation: required }),
          synopsis: fields.text({ label: '简介', multiline: true, validation: required }),
          runtimeMinutes: fields.integer({ label: '片长（分钟）', validation: { isRequired: true, min: 1 } }),
          rating: fields.text({ label: '观影提示（发行方给出的分级，如有）' }),
          sample: fields.checkbox({ label: '示例影片（上线前替换）' }),
        },
        { label: '影片' },
      ),
      hall: fields.select({ label: '影厅', options: halls.map((hall) => ({ label: hall, value: hall })), defaultValue: halls[0] ?? '' }),
      startsAt: beijingTimeField({ label: '开场时间（北京时间，如 2026-12-02T18:30:00+08:00）', isRequired: true }),
      releaseAt: beijingTimeField({ label: '放票时间（不填按规则：开场前至少 24 小时的最近一个周一或周四中午）' }),
      allocation: storedSelect({
        label: '放票方式',
        options: [
          { label: '先到先得（放票前 5 分钟可排队，12:00 统一随机分配）', value: 'first-come' },
          { label: '抽签（放票后报名，抽签后直接出票）', value: 'lottery' },
        ],
        none: '不写（先到先得）',
      }),
      drawAt: beijingTimeField({ label: '抽签时间（只用于抽签场次；不填是放票第二天早上 8:00）' }),
      booking: bookingField(),
    },
  });
}

function halls() {
  const seatList = (label: string) => fields.array(fields.integer({ label: '座号', validation: { isRequired: true, min: 1 } }), { label, itemLabel: (p) => String(p.value) });
  return collection({
    label: '影厅',
    path: 'content/halls/*',
    slugField: 'name',
    format: { data: 'yaml' },
    schema: {
      name: fields.slug({ name: { label: '影厅名称', validation: required }, slug: pinyinFileName('文件名（拼音）') }),
      venue: fields.text({ label: '所在场馆', validation: required }),
      address: fields.text({ label: '地址（印在电子票上，如 街道门牌、在哪栋楼）' }),
      directions: fields.text({ label: '入场说明（印在电子票上，如 从哪个门进、怎么停车）', multiline: true }),
      changeoverMinutes: fields.integer({ label: '两场之间的间隔（分钟，不填为 15）', validation: { min: 0 } }),
      bestRow: fields.integer({ label: '“自动选座”优先的排号（不填为约六成深处）', validation: { min: 1 } }),
      rows: fields.array(
        fields.object({
          row: fields.integer({ label: '排号（从银幕往后数）', validation: { isRequired: true, min: 1 } }),
          seats: fields.integer({ label: '座位数', validation: { isRequired: true, min: 1 } }),
          aisleAfter: seatList('这些座号后面是过道'),
          accessible: seatList('无障碍轮椅位'),
          blocked: seatList('不放票的座位'),
        }),
        { label: '座位排', itemLabel: (p) => `第 ${p.fields.row.value} 排，${p.fields.seats.value} 座`, validation: { length: { min: 1 } } },
      ),
    },
  });
}

function stations({ districts }: EditorVocabulary) {
  return collection({
    label: '暖蜂驿站',
    path: 'content/stations/*',
    slugField: 'name',
    format: { data: 'yaml' },
    schema: {
      name: fields.slug({ name: { label: '站点名称', validation: required }, slug: pinyinFileName('文件名（拼音）') }),
      district: storedSelect({
        label: '所在区',
        options: nameOptions(districts.districts),
        none: districts.districts.length > 0 ? undefined : '（还没有区：先在“驿站所在区”里添加）',
      }),
      star: storedSelect({ label: '星级', options: STATION_STARS.map((star) => ({ label: STAR_LABELS[star], value: star })) }),
      services: fields.array(fields.text({ label: '服务', validation: required }), { label: '服务（至少一项，如 饮水、休息）', itemLabel: (p) => p.value, validation: { length: { min: 1 } } }),
      hours: fields.text({ label: '开放时间（如 24小时）', validation: required }),
      address: fields.text({ label: '地址', validation: required }),
      lat: fields.number({ label: '纬度（WGS-84 十进制度数）', validation: { isRequired: true, min: -90, max: 90 } }),
      lng: fields.number({ label: '经度（WGS-84 十进制度数）', validation: { isRequired: true, min: -180, max: 180 } }),
    },
  });
}

/** Every collection the editor offers, each field labelled in Chinese for the union's publicity staff. */
export function editorCollections(vocabulary: EditorVocabulary) {
  return {
    news: news(vocabulary),
    honors: honors(vocabulary),
    programs: programs(vocabulary),
    screenings: screenings(vocabulary),
    halls: halls(),
    stations: stations(vocabulary),
  };
}
