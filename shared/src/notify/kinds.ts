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

/** Send states and failure reasons as an admin reads them (GET /admin/notify/failures). */
export const sendStateLabels: Record<string, string> = {
  pending: '等待重试',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  unsubscribed: '用户未订阅或已退订',
  uncertain: '不确定是否送达',
};

export function failureReasonLabel(reason: string): string {
  const fixed: Record<string, string> = {
    unreachable: '微信接口不可达或超时',
    template_missing: '未配置订阅消息模板',
    unsubscribed: '用户拒收（43101）',
    interrupted: '发送过程中断',
    timeout: '微信接口超时，不确定是否送达',
    token: '接口凭证失效',
    token_unavailable: '无法获取接口凭证',
    quota: '超出微信每日调用额度（45009）',
    rate: '发送过快，稍后重试',
  };
  const code = /^errcode_(-?\d+)$/.exec(reason);
  return fixed[reason] ?? (code ? `微信错误码 ${code[1]}` : reason);
}
