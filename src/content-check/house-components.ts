/** Collections a component's `id` may point into, with the page each id becomes. */
export const LINKED_COLLECTIONS = {
  honors: { label: '光荣榜', dir: 'content/honors/', ext: '.yaml', path: (id: string) => `/honors/${id}/` },
  programs: { label: '服务项目', dir: 'content/programs/', ext: '.mdx', path: (id: string) => `/programs/${id}/` },
  news: { label: '稿件', dir: 'content/news/', ext: '.mdx', path: (id: string) => `/news/${id}/` },
} as const;

export type LinkedCollection = keyof typeof LINKED_COLLECTIONS;

export interface HouseComponentSpec {
  /** What it is, as the editor's guide names it. */
  label: string;
  /** Props it cannot render without. */
  required: readonly string[];
  /** Its `id` names an entry of this collection and links to that entry's page. */
  idLinksTo?: LinkedCollection;
  /** How it is written, for error messages and the guide. */
  example: string;
}

/**
 * The house components every story and program page offers without an import line. The map the pages
 * pass to MDX is src/components/house/index.ts; a test keeps the two in step.
 */
export const HOUSE_COMPONENTS: Record<string, HouseComponentSpec> = {
  ReadingHint: { label: '阅读提示', required: ['text'], example: '<ReadingHint text="阅读提示的内容" />' },
  Figure: { label: '图片和图片说明', required: [], example: '<Figure src="/images/图片.jpg" alt="图片里是什么" credit="新华社记者 某某 摄">图片说明</Figure>' },
  PullQuote: { label: '引语', required: [], example: '<PullQuote cite="说话人">正文里的一句原话</PullQuote>' },
  KeyFigures: { label: '关键数字框', required: [], example: '<KeyFigures>（一行一个 <KeyFigure … />）</KeyFigures>' },
  KeyFigure: {
    label: '关键数字',
    required: ['value', 'unit', 'label', 'date'],
    example: '<KeyFigure value="216" unit="场次" label="放映电影" date="自惠工影院开放以来" />',
  },
  Honoree: { label: '光荣榜人物', required: ['id'], idLinksTo: 'honors', example: '<Honoree id="yao-jie">姚婕</Honoree>' },
  ProgramCard: { label: '服务项目卡片', required: ['id'], idLinksTo: 'programs', example: '<ProgramCard id="huigong-yingyuan" />' },
  RelatedStory: { label: '相关报道卡片', required: ['id'], idLinksTo: 'news', example: '<RelatedStory id="稿件文件名" />' },
  Dateline: { label: '电头', required: [], example: '<Dateline>本报讯（记者 某某）</Dateline>' },
};

/** Components only program pages provide (src/pages/programs/[id].astro). */
export const PROGRAM_PAGE_COMPONENTS: readonly string[] = ['CinemaLive', 'StationDirectoryLink'];
