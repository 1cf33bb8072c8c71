import type { ProblemFieldError } from '../http/problem';
import type { RecordTalkBody } from './schemas';

/** Kinds as keyed in a round: "1", "2", … in the order given. */
export function keyedKinds(labels: readonly string[]): { key: string; label: string }[] {
  return labels.map((label, i) => ({ key: String(i + 1), label }));
}

/** Chinese errors for a talk record against its round (its kinds, whether content is kept, its period). */
export function talkErrors(round: { kinds: { key: string }[]; keepContent: boolean }, body: RecordTalkBody, now: Date): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  if (!round.kinds.some((k) => k.key === body.kind)) errors.push({ path: 'kind', message: '请选择本轮的必谈类型' });
  if (body.content && !round.keepContent) errors.push({ path: 'content', message: '本轮谈话只记录谈话人、对象、时间、类型和结果，不记录谈话内容' });
  if (Date.parse(body.heldAt) > now.getTime() + 5 * 60_000) errors.push({ path: 'heldAt', message: '谈话时间不能晚于现在' });
  return errors;
}
