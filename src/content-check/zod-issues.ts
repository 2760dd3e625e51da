import type { z } from 'astro/zod';

type Issue = z.core.$ZodIssue & { input?: unknown };

const HAS_CHINESE = /[\u3400-\u9fff]/;

const TYPE_NAMES: Record<string, { name: string; fix: string }> = {
  string: { name: '文字', fix: '写成文字，含冒号、井号等符号时加英文双引号' },
  number: { name: '数字', fix: '写成数字，不加引号' },
  int: { name: '整数', fix: '写成整数，如 100' },
  boolean: { name: ' true 或 false', fix: '写 true 或 false' },
  array: { name: '列表', fix: '写成列表，如 [四川, 云南]' },
  object: { name: '若干“名称: 值”', fix: '照 docs/编辑指南.md 里的示例写' },
  date: { name: '日期', fix: '写成 2023-09-14 或 2023-09-14T08:00:00+08:00' },
};

function shown(value: unknown): string {
  if (value === null) return '空值';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return `“${value}”`;
  if (Array.isArray(value)) return '一个列表';
  if (typeof value === 'object') return '一组“名称: 值”';
  return String(value);
}

/** regions.1 for ['regions', 1]; the whole file for []. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '（整个文件）' : path.map(String).join('.');
}

/**
 * A zod issue as an editor reads it: `field：message` and a fix. The content schemas word their own
 * messages in Chinese (and those already say what to do); zod's English defaults are put into Chinese here.
 * Pass the issue from `safeParse(data, { reportInput: true })` so a missing field can be told apart.
 */
export function describeIssue(issue: Issue): { message: string; fix?: string } {
  const field = fieldName(issue.path);
  // A schema's own check may carry its fix in params (src/schemas/written-time.ts does).
  const fix = issue.code === 'custom' && typeof issue.params?.fix === 'string' ? issue.params.fix : undefined;
  if (HAS_CHINESE.test(issue.message)) return { message: `${field}：${issue.message}`, ...(fix ? { fix } : {}) };
  switch (issue.code) {
    case 'invalid_type': {
      const type = TYPE_NAMES[issue.expected] ?? { name: issue.expected, fix: '照 docs/编辑指南.md 里的示例写' };
      if (issue.input === undefined) return { message: `缺少 ${field}`, fix: `补上 ${field}：${type.name.trim()}` };
      return { message: `${field} 应为${type.name}，现在是${shown(issue.input)}`, fix: type.fix };
    }
    case 'too_small':
      if (issue.origin === 'array') return { message: `${field} 至少要写 ${String(issue.minimum)} 项`, fix: '补上缺少的项' };
      if (issue.origin === 'string') return { message: `${field} 不能为空`, fix: '填上内容，或者删掉这一行' };
      return {
        message: `${field} 应${issue.inclusive ? '不小于' : '大于'} ${String(issue.minimum)}，现在是${shown(issue.input)}`,
        fix: '改成合适的数字',
      };
    case 'too_big':
      if (issue.origin === 'array') return { message: `${field} 最多只能写 ${String(issue.maximum)} 项`, fix: '删掉多余的项' };
      if (issue.origin === 'string') return { message: `${field} 太长，最多 ${String(issue.maximum)} 个字`, fix: '删短一些' };
      return { message: `${field} 应${issue.inclusive ? '不大于' : '小于'} ${String(issue.maximum)}，现在是${shown(issue.input)}`, fix: '改成合适的数字' };
    case 'invalid_value':
      return {
        message: `${field} 不能是${shown(issue.input)}`,
        fix: `只能是 ${issue.values.map((value) => String(value)).join('、')}`,
      };
    case 'invalid_format':
      return { message: `${field} 的格式不对：${shown(issue.input)}`, fix: '照 docs/编辑指南.md 里的示例写' };
    case 'invalid_union':
      return { message: `${field} 的写法不对：${shown(issue.input)}`, fix: '照 docs/编辑指南.md 里的示例写' };
    case 'unrecognized_keys':
      return { message: `${field} 里有不认识的项：${issue.keys.join('、')}`, fix: '删掉它们，或者检查拼写' };
    default:
      return { message: `${field}：${issue.message}` };
  }
}
