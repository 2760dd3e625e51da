/**
 * Who runs the site, for the footer: each line shows only when set. Whoever deploys fills these in
 * (docs/operations.md); the repository leaves them unset rather than invent them.
 */
export interface SiteOwner {
  /** 主办单位: the union that runs the site, as registered, e.g. 某某市总工会. */
  organizer?: string;
  /** 联系电话, as printed, e.g. 028-12345678. */
  phone?: string;
  /** ICP备案号, e.g. 川ICP备12345678号-1: a site served from mainland China must show it, linked to the registry. */
  icp?: string;
}

/** Site-wide settings: the one place for names, sizes, navigation and the site's time zone. */
export const SITE = {
  title: '惠工',
  fullTitle: '惠工 · 工会新闻与服务',
  description: '工会新闻、劳模工匠光荣榜、职工服务项目与惠工影院免费观影选座。',
  lang: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  /** Stories per page on paginated lists. */
  pageSize: 10,
  /** How many related stories a story page shows. */
  relatedCount: 3,
  /** 主办单位, 联系电话, ICP备案号 for the footer, e.g. { organizer: '某某市总工会', phone: '…', icp: '…' }: set when deploying. */
  owner: {} as SiteOwner,
  /** The trade unions' service hotline, where riders are sent while the station directory lists no station. */
  unionHotline: { number: '12351', label: '职工服务热线' },
  nav: [
    { href: '/', label: '首页' },
    { href: '/news/', label: '新闻' },
    { href: '/honors/', label: '光荣榜' },
    { href: '/programs/', label: '服务项目' },
    { href: '/cinema/', label: '惠工影院' },
  ],
} as const;
