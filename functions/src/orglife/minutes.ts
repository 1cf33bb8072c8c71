import { sanitizeArticle } from '../study/sanitize';
import { validationFailed } from '../lib/problem';

/** Markup that never belongs in minutes: scripts, frames, inline handlers, javascript: links. */
const FORBIDDEN = /<\s*\/?\s*(script|iframe|object|embed|style|form)\b|\son[a-z]+\s*=|javascript\s*:/i;

/**
 * Minutes as rich text: refused outright when they carry active content (so nothing is silently
 * changed behind the secretary's back), otherwise kept as sanitised HTML.
 */
export async function cleanMinutes(html: string | undefined, path = 'minutes'): Promise<string> {
  if (html === undefined) return '';
  if (FORBIDDEN.test(html)) {
    throw validationFailed('会议记录含有不允许的脚本或代码，请删除后重新提交', [{ path, message: '会议记录只能包含文字、列表、表格和图片' }]);
  }
  return sanitizeArticle(html);
}
