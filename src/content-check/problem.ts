/** One thing wrong in the content, said in Chinese for the editor who has to fix it. */
export interface Problem {
  /** The file as the editor finds it: content/news/a.mdx. */
  file: string;
  /** 1-based line in the file, where one can be named. */
  line?: number;
  /** A stable name for the kind of problem, where tools or tests need one (e.g. future_date); not printed. */
  code?: string;
  /** What is wrong. */
  message: string;
  /** How to put it right; printed in brackets after the message. */
  fix?: string;
}

/**
 * `文件:行号: 问题（怎么改）`, the shape compilers use, so editors' tools can jump to the line.
 *
 * @example formatProblem({ file: 'content/news/a.mdx', line: 9, message: '未知的地区“四州”', fix: '改成受控词表里的地区' })
 * // → 'content/news/a.mdx:9: 未知的地区“四州”（改成受控词表里的地区）'
 */
export function formatProblem({ file, line, message, fix }: Problem): string {
  return `${file}${line ? `:${line}` : ''}: ${message}${fix ? `（${fix}）` : ''}`;
}

/** By file, then by line; problems without a line first within their file. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}
