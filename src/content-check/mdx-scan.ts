import { lineOf } from './frontmatter.ts';

export interface JsxAttribute {
  name: string;
  /** The value of name="value" or name='value'; undefined for name={expression} and bare names. */
  value?: string;
  /** True for name={expression}: its value is only known when the page renders. */
  expression: boolean;
}

/** One JSX or HTML tag in an MDX body. */
export interface JsxTag {
  name: string;
  attributes: JsxAttribute[];
  line: number;
  /** Offsets of `<` and just after `>` in the body. */
  start: number;
  end: number;
  closing: boolean;
  selfClosing: boolean;
}

/** A component used in the body with the text between its tags. */
export interface JsxElement {
  tag: JsxTag;
  /** The source between the opening and the closing tag ('' when self-closing). */
  inner: string;
}

export interface MdxLink {
  url: string;
  line: number;
  /** ![alt](url), <img src> or <Figure src>. */
  image: boolean;
  /** The image's alt text, when the markup has one. */
  alt?: string;
}

export interface MdxScan {
  tags: JsxTag[];
  /** Capitalised components, opening tags paired with their closing ones. */
  elements: JsxElement[];
  links: MdxLink[];
  /** Tags left open or closed twice, with their lines. */
  problems: { line: number; message: string; fix: string }[];
}

/** Blanks out what is not markup (MDX comments, code) keeping every offset and line in place. */
export function maskNonMarkup(body: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return body
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]+`/g, blank);
}

const NAME = /[A-Za-z][\w.-]*/y;
const ATTRIBUTE_NAME = /[A-Za-z_:][\w:.-]*/y;

/** Reads a tag starting at `start` (a `<`), or undefined if what follows is not a tag. */
function readTag(text: string, start: number): Omit<JsxTag, 'line'> | 'unterminated' | undefined {
  let at = start + 1;
  const closing = text[at] === '/';
  if (closing) at += 1;
  NAME.lastIndex = at;
  const name = NAME.exec(text)?.[0];
  if (!name) return undefined;
  at += name.length;
  if (!/[\s/>]/.test(text[at] ?? '')) return undefined;
  const attributes: JsxAttribute[] = [];
  while (at < text.length) {
    while (/\s/.test(text[at] ?? '')) at += 1;
    if (text.startsWith('/>', at)) return { name, attributes, start, end: at + 2, closing, selfClosing: true };
    if (text[at] === '>') return { name, attributes, start, end: at + 1, closing, selfClosing: false };
    if (text[at] === '{') {
      // A spread {...props}: skip it.
      const end = skipExpression(text, at);
      if (end === -1) return 'unterminated';
      at = end;
      continue;
    }
    ATTRIBUTE_NAME.lastIndex = at;
    const attributeName = ATTRIBUTE_NAME.exec(text)?.[0];
    if (!attributeName) return undefined;
    at += attributeName.length;
    while (/[ \t]/.test(text[at] ?? '')) at += 1;
    if (text[at] !== '=') {
      attributes.push({ name: attributeName, expression: false });
      continue;
    }
    at += 1;
    while (/[ \t]/.test(text[at] ?? '')) at += 1;
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, at + 1);
      if (close === -1) return 'unterminated';
      attributes.push({ name: attributeName, value: text.slice(at + 1, close), expression: false });
      at = close + 1;
    } else if (quote === '{') {
      const end = skipExpression(text, at);
      if (end === -1) return 'unterminated';
      attributes.push({ name: attributeName, expression: true });
      at = end;
    } else {
      return undefined;
    }
  }
  return 'unterminated';
}

/** The offset after the `}` matching the `{` at `start`, or -1. */
function skipExpression(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length; at += 1) {
    const char = text[at];
    if (char === '"' || char === "'" || char === '`') {
      const close = text.indexOf(char, at + 1);
      if (close === -1) return -1;
      at = close;
    } else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return at + 1;
  }
  return -1;
}

const isComponent = (name: string) => /^[A-Z]/.test(name);

const INLINE_LINK = /(!?)\[((?:[^[\]\n]|\[[^\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm;

/**
 * The tags, components and links of an MDX body, each with its line in the file (the body starts on
 * `firstLine`). A light scanner, not a full MDX parser: enough to check components, links and images.
 */
export function scanMdx(body: string, firstLine = 1): MdxScan {
  const text = maskNonMarkup(body);
  const tags: JsxTag[] = [];
  const problems: MdxScan['problems'] = [];
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    if (text[at - 1] === '\\') continue;
    const tag = readTag(text, at);
    if (tag === undefined) continue;
    const line = lineOf(text, at, firstLine);
    if (tag === 'unterminated') {
      problems.push({ line, message: '这里的标签没有写完', fix: '检查是否少了 > 或 />，引号是否成对' });
      break;
    }
    tags.push({ ...tag, line });
    at = tag.end - 1;
  }

  const elements: JsxElement[] = [];
  const open: JsxTag[] = [];
  for (const tag of tags.filter((candidate) => isComponent(candidate.name))) {
    if (tag.selfClosing) elements.push({ tag, inner: '' });
    else if (!tag.closing) open.push(tag);
    else {
      const index = open.map((candidate) => candidate.name).lastIndexOf(tag.name);
      if (index === -1) {
        problems.push({ line: tag.line, message: `</${tag.name}> 没有对应的 <${tag.name}>`, fix: `删掉它，或者在前面补上 <${tag.name}>` });
        continue;
      }
      for (const unclosed of open.splice(index + 1)) problems.push(unclosedProblem(unclosed));
      const opening = open.pop()!;
      elements.push({ tag: opening, inner: body.slice(opening.end, tag.start) });
    }
  }
  for (const unclosed of open) problems.push(unclosedProblem(unclosed));
  elements.sort((a, b) => a.tag.start - b.tag.start);

  const links: MdxLink[] = [];
  for (const match of text.matchAll(INLINE_LINK)) {
    links.push({ url: unbracket(match[3]!), line: lineOf(text, match.index, firstLine), image: match[1] === '!', ...(match[1] ? { alt: match[2]! } : {}) });
  }
  for (const match of text.matchAll(LINK_DEFINITION)) {
    links.push({ url: unbracket(match[1]!), line: lineOf(text, match.index, firstLine), image: false });
  }
  for (const tag of tags) {
    if (tag.closing) continue;
    const value = (name: string) => tag.attributes.find((attribute) => attribute.name === name);
    const href = value('href');
    if (href?.value !== undefined) links.push({ url: href.value, line: tag.line, image: false });
    const src = value('src');
    if (src?.value !== undefined && (tag.name === 'img' || tag.name === 'Figure')) {
      const alt = value('alt')?.value;
      links.push({ url: src.value, line: tag.line, image: true, ...(alt !== undefined ? { alt } : {}) });
    }
  }
  links.sort((a, b) => a.line - b.line);
  return { tags, elements, links, problems };
}

function unclosedProblem(tag: JsxTag) {
  return { line: tag.line, message: `<${tag.name}> 没有结束标签`, fix: `在内容后面补上 </${tag.name}>，或者写成 <${tag.name} … />` };
}

function unbracket(url: string): string {
  return url.startsWith('<') && url.endsWith('>') ? url.slice(1, -1) : url;
}

/** Plain text of MDX source: tags, markdown marks and white space removed (to compare quotes with the body). */
export function plainText(source: string): string {
  return maskNonMarkup(source)
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, '');
}
