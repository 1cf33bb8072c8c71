/**
 * What a notification is about. Each kind belongs to one WeChat subscription template group
 * (`templateKey`): the template ids themselves are stage configuration (SSM), never in code.
 */
export const notificationKinds = [
  'suggestion_reply',
  'suggestion_item_done',
  'quiz_due',
  'plan_due',
  'checklist_overdue',
  'meeting_due',
  'meeting_overdue',
  'report_due',
  'report_overdue',
  'report_returned',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Template groups: 办理进度 (suggestions), 学习提醒 (quizzes, plans), 工作提醒 (secretaries, owners). */
export const templateKeys = ['progress', 'study', 'work'] as const;
export type TemplateKey = (typeof templateKeys)[number];

export const kindInfo: Record<NotificationKind, { label: string; templateKey: TemplateKey; dailyCap: number }> = {
  suggestion_reply: { label: '意见答复', templateKey: 'progress', dailyCap: 5 },
  suggestion_item_done: { label: '意见整改完成', templateKey: 'progress', dailyCap: 3 },
  quiz_due: { label: '测试即将截止', templateKey: 'study', dailyCap: 2 },
  plan_due: { label: '学习计划即将截止', templateKey: 'study', dailyCap: 2 },
  checklist_overdue: { label: '整改事项逾期', templateKey: 'work', dailyCap: 2 },
  meeting_due: { label: '会议即将召开', templateKey: 'work', dailyCap: 2 },
  meeting_overdue: { label: '会议逾期未开', templateKey: 'work', dailyCap: 2 },
  report_due: { label: '月报即将截止', templateKey: 'work', dailyCap: 2 },
  report_overdue: { label: '月报逾期', templateKey: 'work', dailyCap: 2 },
  report_returned: { label: '月报被退回', templateKey: 'work', dailyCap: 3 },
};

/** Kinds whose messages go out even in quiet hours: the answer to one's own suggestion. */
export const loudKinds: ReadonlySet<NotificationKind> = new Set(['suggestion_reply']);

export function kindsOfTemplate(key: TemplateKey): NotificationKind[] {
  return notificationKinds.filter((k) => kindInfo[k].templateKey === key);
}
