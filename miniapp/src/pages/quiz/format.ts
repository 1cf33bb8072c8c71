import type { QuestionType } from '@kaimen/shared';

export const typeLabels: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };

/** 10 分钟, 1 小时 30 分钟. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  if (h && m) return `${h} 小时 ${m} 分钟`;
  return h ? `${h} 小时` : `${m} 分钟`;
}

/** mm:ss (or h:mm:ss) of a countdown. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** 12月31日 18:00 in the phone's time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An answer as a member reads it: 对/错 for a judge question (its options carry no letters), letters otherwise. */
export function answerText(type: QuestionType, keys: string[], options: readonly { key: string; text: string }[]): string {
  if (type !== 'judge') return keys.join('');
  return keys.map((k) => options.find((o) => o.key === k)?.text ?? k).join('');
}
