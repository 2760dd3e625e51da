import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export type DataPath = readonly PropertyKey[];

export interface YamlSyntaxError {
  line: number;
  message: string;
  fix: string;
}

const GENERAL_FIX = '检查这一行的冒号、缩进和引号：冒号后面要有空格，含冒号或 # 的文字要加英文双引号';

/** The parser's message in Chinese (the English original kept at the end for anyone who needs it). */
function describeSyntaxError(code: string, message: string): { message: string; fix: string } {
  const original = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/quote/i.test(original)) return { message: `引号没有成对（${original}）`, fix: '在文字末尾补上引号，引号要用英文双引号 "' };
  if (/flow (sequence|collection)|\]/i.test(original)) return { message: `方括号没有成对（${original}）`, fix: '列表要写成 [甲, 乙]，结尾补上 ]' };
  if (/\}/.test(original)) return { message: `花括号没有成对（${original}）`, fix: '写成 { name: 值, slug: 值 }，结尾补上 }' };
  switch (code) {
    case 'DUPLICATE_KEY':
      return { message: `同一项写了两次（${original}）`, fix: '删掉其中一行' };
    case 'TAB_AS_INDENT':
      return { message: `用了 Tab 缩进（${original}）`, fix: '缩进只用空格，不用 Tab 键' };
    case 'BAD_INDENT':
      return { message: `缩进不对（${original}）`, fix: '同一层的各项要对齐，列表项前的 - 要比上一行多缩进两个空格' };
    default:
      return { message: `写法不对（${original}）`, fix: GENERAL_FIX };
  }
}

/**
 * The line a syntax error really starts on: the parser reports an unclosed quote or bracket where the
 * document ends, but the editor needs the line that opened it.
 */
function openingLine(text: string, character: '"' | "'" | '[' | '{'): number | undefined {
  const closing = { '"': '"', "'": "'", '[': ']', '{': '}' }[character];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.replace(/\\./g, '').replace(/\s#.*$/, '');
    const opened = line.split(character).length - 1;
    const closed = character === closing ? 0 : line.split(closing).length - 1;
    if (character === closing ? opened % 2 === 1 : opened > closed) return index + 1;
  }
  return undefined;
}

/** YAML parsed with the line of every value kept, so a problem can name its line. */
export interface YamlSource {
  /** The data as Astro's loader sees it (dates as Date, like js-yaml); undefined when the YAML is broken. */
  data: unknown;
  /** Syntax errors, each with its line in the file, said in Chinese. */
  errors: YamlSyntaxError[];
  /** Every value the YAML read as a timestamp (turned into a Date), with the text as written. */
  timestamps: WrittenTimestamp[];
  /**
   * The line of the value at `path`; for a key, the line the key is on. A path that is not in the file
   * (a missing field) gives its closest ancestor's line, and the root gives `rootLine`.
   */
  lineAt(path: DataPath): number;
}

export interface WrittenTimestamp {
  path: DataPath;
  /** The value as written: 2026-13-01, which the parser has already rolled over to 2027-01-01. */
  text: string;
  line: number;
}

/**
 * @param firstLine the file line the YAML text starts on (2 for frontmatter after its ---)
 * @param rootLine the line to name for problems of the whole document (a missing required field)
 * @param options.timestamps read 2023-09-14 as a date, as js-yaml (Astro's parser) does; the cinema's
 *   files are read without (scripts/build-catalogue.ts), so their times stay the text as written
 */
export function parseYamlSource(text: string, firstLine = 1, rootLine = firstLine, { timestamps = true } = {}): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, customTags: timestamps ? ['timestamp'] : [], uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((error): YamlSyntaxError => {
    const described = describeSyntaxError(error.code, error.message);
    const opener = /quote/i.test(error.message) ? (error.message.includes("'") && !error.message.includes('"') ? "'" : '"') : /flow/i.test(error.message) || /\]/.test(error.message) ? '[' : undefined;
    const opened = opener && openingLine(text, opener);
    return { line: opened ? opened + firstLine - 1 : toLine(error.pos[0]), ...described };
  });

  const lineAt = (path: DataPath): number => {
    for (let length = path.length; length > 0; length -= 1) {
      const parent = length === 1 ? doc.contents : doc.getIn(path.slice(0, length - 1) as unknown[], true);
      const key = path[length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        const node = (pair?.key ?? undefined) as Node | undefined;
        if (node?.range) return toLine(node.range[0]);
      } else {
        const node = doc.getIn(path.slice(0, length) as unknown[], true) as Node | undefined;
        if (node && typeof node === 'object' && node.range) return toLine(node.range[0]);
      }
    }
    return rootLine;
  };

  const found: WrittenTimestamp[] = [];
  const collect = (node: unknown, path: PropertyKey[]) => {
    if (isScalar(node) && node.value instanceof Date && node.source !== undefined && node.range) {
      found.push({ path, text: node.source, line: toLine(node.range[0]) });
    } else if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) collect(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => collect(item, [...path, index]));
    }
  };
  if (errors.length === 0) collect(doc.contents, []);

  return { data: errors.length === 0 ? doc.toJS() : undefined, errors, timestamps: found, lineAt };
}
