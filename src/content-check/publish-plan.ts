/** One changed path as `git status --porcelain=v1 -z` reports it. */
export interface ChangedPath {
  /** The two status letters: ' M', 'A ', '??', 'D ', 'R '… */
  status: string;
  path: string;
}

/** Folders `npm run publish` commits: the editors' sources and the images the editor uploads. */
export const PUBLISHED_FOLDERS = ['content/', 'public/images/'] as const;

/** Parses `git status --porcelain=v1 -z` (renames carry their old path as an extra field, skipped here). */
export function readPorcelain(output: string): ChangedPath[] {
  const fields = output.split('\0');
  const changes: ChangedPath[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.length < 4) continue;
    const status = field.slice(0, 2);
    changes.push({ status, path: field.slice(3) });
    if (status.startsWith('R') || status.startsWith('C')) i++;
  }
  return changes;
}

const COLLECTION_LABELS: Record<string, string> = {
  news: '稿件',
  honors: '光荣榜',
  'honor-totals': '荣誉汇总',
  programs: '服务项目',
  screenings: '电影场次',
  halls: '影厅',
  stations: '暖蜂驿站',
};

const verb = (status: string) => (status === '??' || status.includes('A') ? '新增' : status.includes('D') ? '删除' : '修改');

export type PublishPlan =
  | { ok: true; paths: string[]; message: string }
  | { ok: false; reason: 'nothing' | 'unrelated'; message: string };

/**
 * What `npm run publish` commits, and its Chinese commit message naming each entry (`titleOf` gives an
 * entry's title from its file, or undefined for a deleted file). Refuses when anything outside content/
 * and public/images/ has changed: those changes are someone else's work in progress, not the editor's.
 */
export function planPublish(changes: readonly ChangedPath[], titleOf: (path: string) => string | undefined): PublishPlan {
  const unrelated = changes.filter(({ path }) => !PUBLISHED_FOLDERS.some((folder) => path.startsWith(folder)));
  if (unrelated.length > 0) {
    return {
      ok: false,
      reason: 'unrelated',
      message: `没有发布：工作目录里还有内容以外的改动，请先处理（提交或撤销）这些文件，再发布：\n${unrelated.map(({ path }) => `  ${path}`).join('\n')}`,
    };
  }
  if (changes.length === 0) return { ok: false, reason: 'nothing', message: '没有需要发布的改动：content/ 里的文件和上次发布时一样。' };
  const lines = changes.map(({ status, path }) => {
    const [, collection, file] = /^content\/([^/]+)\/(.+)$/.exec(path) ?? [];
    if (!collection || !COLLECTION_LABELS[collection]) return `${verb(status)} ${path}`;
    const id = file!.replace(/\.(mdx?|ya?ml)$/, '');
    const title = titleOf(path);
    return `${verb(status)}${COLLECTION_LABELS[collection]}《${title ?? id}》`;
  });
  const named = [...new Set(lines)];
  const subject = named.length <= 3 ? `发布：${named.join('，')}` : `发布 ${named.length} 项内容：${named.slice(0, 2).join('，')}等`;
  return { ok: true, paths: changes.map(({ path }) => path), message: `${subject}\n\n${changes.map(({ path }, i) => `- ${lines[i]}（${path}）`).join('\n')}\n` };
}
