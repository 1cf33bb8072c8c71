import * as z from 'zod/mini';
import { isoDateTime } from '../http/common';

// What the public sees of a suggestion they track; alone in this file so the notify area's route
// table can answer with it without building every suggestion schema.

/** received → under_review → replied → in_checklist → resolved (the tracking timeline). */
export const suggestionStatuses = ['received', 'under_review', 'replied', 'in_checklist', 'resolved'] as const;
export const suggestionStatus = z.enum(suggestionStatuses);
export type SuggestionStatus = z.infer<typeof suggestionStatus>;
export const statusLabels: Record<SuggestionStatus, string> = {
  received: '已收到', under_review: '办理中', replied: '已答复', in_checklist: '已列入整改清单', resolved: '已整改',
};

export const ratings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const rating = z.enum(ratings);
export type Rating = z.infer<typeof rating>;
export const ratingLabels: Record<Rating, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

export const timelineEntry = z.object({ status: suggestionStatus, at: isoDateTime, label: z.string() });

export const tracked = z.object({
  status: suggestionStatus,
  category: z.string(),
  categoryLabel: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  /** The submitter's own text, with phone and ID numbers masked. */
  content: z.string(),
  createdAt: isoDateTime,
  timeline: z.array(timelineEntry),
  reply: z.optional(z.object({ text: z.string(), at: isoDateTime })),
  rating: z.optional(z.object({ rating, comment: z.optional(z.string()), at: isoDateTime })),
  checklistItem: z.optional(z.object({ id: z.string(), title: z.string(), status: z.string(), deadline: z.nullable(z.string()) })),
});
export type Tracked = z.infer<typeof tracked>;

