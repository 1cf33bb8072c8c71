import { orglifeRoutes } from '@kaimen/shared/orglife/routes';

/** 11月3日 14:30 in the phone's own time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export const typeStatusLabels = { done: '已完成', pending: '待召开', overdue: '逾期', not_required: '不要求' } as const;

export type ComplianceRow = Awaited<ReturnType<typeof import('../../api/client').call<typeof orglifeRoutes.compliance>>>['items'][number];

/** Plain text typed on the phone as minutes HTML: one paragraph per line, every character escaped. */
export function minutesHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => `<p>${esc(l)}</p>`).join('');
}
