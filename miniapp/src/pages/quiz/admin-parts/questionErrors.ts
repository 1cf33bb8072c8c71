import { ApiError } from '../../../api/error';

/** Fields of the question form that can carry a message; `options.N` is option N (0 = A). */
export type QuestionErrors = Record<string, string>;

/** Which field a whole-question message (the server's path `question`) is about, by its wording. */
function fieldOfMessage(message: string): string {
  if (/^选项([A-F])/.test(message)) return `options.${'ABCDEF'.indexOf(message.charAt(2))}`;
  if (message.includes('答案')) return 'answer';
  if (message.includes('选项')) return 'options';
  if (message.includes('题干')) return 'stem';
  if (message.includes('题型')) return 'type';
  if (message.includes('解析')) return 'explanation';
  if (message.includes('标签')) return 'tags';
  return 'form';
}

/** Field messages of a failed add/update: zod paths (`stem`, `options.1`, `tags.0`) or a server rule mapped by its wording. */
export function questionErrors(err: unknown): QuestionErrors {
  if (!(err instanceof ApiError)) return {};
  const out: QuestionErrors = {};
  for (const e of err.problem.errors ?? []) {
    const [head = '', index] = e.path.split('.');
    let field: string;
    if (head === 'question' || head === '') field = fieldOfMessage(e.message);
    else if (head === 'options' && index !== undefined) field = `options.${index}`;
    else if (['type', 'stem', 'options', 'answer', 'explanation', 'tags'].includes(head)) field = head;
    else field = 'form';
    out[field] ??= e.message;
  }
  return out;
}
