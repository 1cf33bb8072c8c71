import type { ProblemFieldError } from '../http/problem';
import type { FileInspectBody } from './schemas';

/**
 * Whether a filing answers every item of the form once (一项一项对照), explains every problem found,
 * is signed with the filer's own name and carries the pledge. Chinese errors per field; empty when good.
 */
export function filingErrors(items: readonly { key: string; text: string }[], body: FileInspectBody, filerName: string): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const known = new Set(items.map((i) => i.key));
  const seen = new Set<string>();
  body.answers.forEach((a, i) => {
    if (!known.has(a.key)) errors.push({ path: `answers.${i}.key`, message: '表中没有这一项' });
    else if (seen.has(a.key)) errors.push({ path: `answers.${i}.key`, message: '同一事项只能回答一次' });
    seen.add(a.key);
    if (a.finding === 'found' && (a.detail ?? '').trim().length < 5) {
      errors.push({ path: `answers.${i}.detail`, message: '存在问题的，请说明具体情况（至少 5 个字）' });
    }
  });
  items.forEach((item) => {
    if (!seen.has(item.key)) errors.push({ path: 'answers', message: `请回答第 ${item.key} 项：${item.text}` });
  });
  if (body.signature.trim() !== filerName.trim()) errors.push({ path: 'signature', message: `签名应为本人姓名“${filerName}”` });
  if (!body.pledged) errors.push({ path: 'pledged', message: '请阅读并勾选承诺后再提交' });
  return errors;
}

/** Past the deadline (a date, Beijing time) at `at`. */
export function isLate(deadline: string, at: Date): boolean {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) > deadline;
}
