import type { AdminSuggestion, SuggestionStatus } from '@kaimen/shared';

export const suggestionStatusColors: Record<SuggestionStatus, string> = {
  received: 'orange', under_review: 'blue', replied: 'green', in_checklist: 'purple', resolved: 'default',
};

export const moderationLabels: Record<'spam' | 'duplicate', string> = { spam: '无效信息', duplicate: '重复意见' };

/** The filters of the inbox, as the form holds them; `toQuery` turns them into the API's query. */
export interface InboxFilter {
  category?: string;
  status?: SuggestionStatus;
  channel?: AdminSuggestion['channel'];
  range?: [string, string];
  replied?: 'yes' | 'no';
  moderation?: 'spam' | 'duplicate' | 'none' | 'flagged';
  followUp?: 'pending';
  q?: string;
}

export function toQuery(f: InboxFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (f.category) query.category = f.category;
  if (f.status) query.status = f.status;
  if (f.channel) query.channel = f.channel;
  if (f.range) [query.from, query.to] = f.range;
  if (f.replied) query.replied = f.replied;
  if (f.moderation) query.moderation = f.moderation;
  if (f.followUp) query.followUp = f.followUp;
  if (f.q?.trim()) query.q = f.q.trim();
  return query;
}
