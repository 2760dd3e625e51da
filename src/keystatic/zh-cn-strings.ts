/**
 * Keystatic's own zh-CN interface strings are machine-translated, some wrongly (Save is 节省, "economise";
 * Collections is 收藏品, "collectibles": Thinkmill/keystatic#1578). They are one dictionary in its bundle,
 * which the editor's dev build rewrites with these (src/keystatic/editor-integration.ts). If an upgrade
 * moves or changes that dictionary, the rewrite throws and tests/keystatic/zh-cn-strings.test.ts fails,
 * rather than the editor quietly showing the old words.
 */
export const ZH_CN_STRINGS: Record<string, string> = {
  add: '添加',
  basedOn: '基于',
  branches: '分支',
  branchName: '分支名称',
  cancel: '取消',
  clear: '清除',
  collection: '内容类别',
  collections: '内容类别',
  create: '新建',
  createPullRequest: '创建合并请求',
  currentBranch: '当前分支',
  dashboard: '首页',
  defaultBranch: '默认分支',
  delete: '删除',
  deleteBranch: '删除分支',
  edit: '编辑',
  loading: '正在加载',
  newBranch: '新建分支',
  otherBranches: '其他分支',
  pullRequests: '合并请求',
  save: '保存',
  search: '搜索',
  singleton: '单项设置',
  singletons: '单项设置',
  theCurrentlyCheckedOutBranch: '当前所在的分支。要在这个分支已有的修改上继续工作，选这一项。',
  theDefaultBranchInYourRepository: '仓库的默认分支。要开始一项与当前分支无关的新工作，选这一项。',
  viewPullRequests: '查看合并请求',
};

/** `"zh-CN": { "key": `text`, … }` as Keystatic's bundle writes its dictionaries. */
const dictionary = (locale: string) => new RegExp(`"${locale}": \\{\\n((?:\\s+"\\w+": \`[^\`]*\`,?\\n)+)\\s*\\}`);

const keysOf = (body: string) => [...body.matchAll(/"(\w+)":/g)].map((match) => match[1]!);

/** True when `code` holds Keystatic's string dictionaries (the module to rewrite). */
export const holdsKeystaticStrings = (code: string) => code.includes('"zh-CN": {') && code.includes('"en-US": {');

/**
 * Replaces the zh-CN dictionary in Keystatic's bundle with ZH_CN_STRINGS. Throws when the dictionary is
 * not where it was, or when its keys are no longer the English dictionary's (an upgrade added or renamed
 * a string): the translations here must then be brought up to date.
 */
export function rewriteZhCnStrings(code: string): string {
  const english = dictionary('en-US').exec(code);
  const chinese = dictionary('zh-CN').exec(code);
  if (!english || !chinese) throw new Error('Keystatic 的界面文字表（zh-CN）不在原来的位置：升级后请更新 src/keystatic/zh-cn-strings.ts');
  const wanted = keysOf(english[1]!).sort().join();
  const ours = Object.keys(ZH_CN_STRINGS).sort().join();
  if (wanted !== ours) throw new Error(`Keystatic 的界面文字变了（现有：${wanted}）：请更新 src/keystatic/zh-cn-strings.ts 的译文`);
  const body = Object.entries(ZH_CN_STRINGS).map(([key, text]) => `    ${JSON.stringify(key)}: ${JSON.stringify(text)}`).join(',\n');
  return code.replace(chinese[0], `"zh-CN": {\n${body}\n  }`);
}
