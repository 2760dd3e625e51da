/**
 * Keystatic writes its field validation messages in English, outside its string dictionaries ("标题 must
 * not be empty"), so an editor refused a save in two languages. The editor's dev build rewrites these
 * template literals in its bundle with ours (src/keystatic/editor-integration.ts), matched exactly;
 * tests/keystatic/zh-cn-validation.test.ts fails when an upgrade changes one, so none drifts back silently.
 * Vite keeps the rewritten bundle in node_modules/.vite: after changing a text here, delete that folder.
 */
export const ZH_CN_VALIDATION: Record<string, string> = {
  '`${fieldLabel} must not be empty`': '`请填写“${fieldLabel}”`',
  '`${fieldLabel} must be at least ${min} characters long`': '`“${fieldLabel}”至少要 ${min} 个字`',
  '`${fieldLabel} must be no longer than ${max} characters`': '`“${fieldLabel}”最多 ${max} 个字`',
  '`${fieldLabel} must be unique`': '`“${fieldLabel}”和已有的重复了，请换一个`',
  '`${fieldLabel} must not start or end with spaces`': '`“${fieldLabel}”的开头和结尾不能有空格`',
  '`${fieldLabel} must not contain slashes`': '`“${fieldLabel}”里不能有斜杠`',
  '`${label} is required`': '`请填写“${label}”`',
  '`${props.label} is required`': '`请填写“${props.label}”`',
  '`${label} must be a number`': '`“${label}”要填数字`',
  '`${label} must be a whole number`': '`“${label}”要填整数`',
  '`${label} must be at least ${validation.min}`': '`“${label}”不能小于 ${validation.min}`',
  '`${label} must be at most ${validation.max}`': '`“${label}”不能大于 ${validation.max}`',
  '`${label} is not a valid date`': '`“${label}”不是有效的日期`',
  '`${label} is not a valid datetime`': '`“${label}”不是有效的时间`',
};

/** True when `code` holds any of Keystatic's English validation messages. */
export const holdsValidationMessages = (code: string) => Object.keys(ZH_CN_VALIDATION).some((english) => code.includes(english));

/** `code` with each English validation message that it holds replaced by ours. */
export function rewriteValidationMessages(code: string): string {
  return Object.entries(ZH_CN_VALIDATION).reduce((rewritten, [english, chinese]) => rewritten.replaceAll(english, chinese), code);
}
