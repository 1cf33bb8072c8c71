import { statusLabels, type SuggestionStatus } from './suggestion';

export interface TimelineFacts {
  createdAt: string;
  reviewedAt?: string;
  reply?: { at: string };
  talliedAt?: string;
  checklistItemId?: string;
  /** The checklist item's status, when the suggestion is in one. */
  itemStatus?: string;
  itemResolvedAt?: string;
}

/**
 * A suggestion's status is derived from what has happened to it, never stored on its own:
 * received → under review → replied → in a checklist item → resolved (the item is done or closed).
 */
export function timeline(f: TimelineFacts): { status: SuggestionStatus; at: string; label: string }[] {
  const steps: { status: SuggestionStatus; at: string }[] = [{ status: 'received', at: f.createdAt }];
  if (f.reviewedAt) steps.push({ status: 'under_review', at: f.reviewedAt });
  if (f.reply) steps.push({ status: 'replied', at: f.reply.at });
  if (f.checklistItemId && f.talliedAt) steps.push({ status: 'in_checklist', at: f.talliedAt });
  if (f.checklistItemId && (f.itemStatus === 'done' || f.itemStatus === 'closed')) {
    steps.push({ status: 'resolved', at: f.itemResolvedAt ?? f.talliedAt ?? f.createdAt });
  }
  return steps.map((s) => ({ ...s, label: statusLabels[s.status] }));
}

export function currentStatus(f: TimelineFacts): SuggestionStatus {
  return timeline(f).at(-1)!.status;
}
