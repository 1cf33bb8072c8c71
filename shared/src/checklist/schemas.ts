import * as z from 'zod/mini';
import { id } from '../http/common';
import { evidenceFile, itemSource, signOff } from './ledger';

/** open → in_progress → done → closed (销号). */
export const itemStatuses = ['open', 'in_progress', 'done', 'closed'] as const;
export const itemStatus = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatus>;
export const itemStatusLabels: Record<ItemStatus, string> = { open: '待整改', in_progress: '整改中', done: '已完成', closed: '已销号' };

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));
const text = (max: number, label: string) => z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));

export const checklistParams = z.strictObject({ campaignId: id });
export const itemParams = z.strictObject({ itemId: id });

/** A progress note on an item's timeline (整改进展). */
export const progressNote = z.object({
  text: z.string(), by: z.string(), at: z.string(), status: z.optional(itemStatus),
  /** Evidence files of the note (admin views only; links valid for an hour). */
  evidence: z.optional(z.array(evidenceFile)),
});

/** What the public checklist shows: no suggestion text, no contact data. */
export const publicItem = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  suggestionCount: z.number(),
  target: z.nullable(z.string()),
  deadline: z.nullable(z.string()),
  status: itemStatus,
  statusLabel: z.string(),
  progress: z.nullable(z.string()),
  overdue: z.boolean(),
  /** 责任单位: who answers for the item, published with it. */
  owner: z.nullable(z.string()),
  /** Where the problem came from (来源): 群众建言 for the tally's items. */
  source: itemSource,
  sourceLabel: z.string(),
});
export type PublicItem = z.infer<typeof publicItem>;

export const publicChecklist = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  /** How to report problems (举报方式). */
  reportChannel: z.nullable(z.string()),
  items: z.array(publicItem),
});

export const adminItem = z.object({
  ...publicItem.shape,
  suggestionIds: z.array(z.string()),
  externalIds: z.array(z.string()),
  owner: z.nullable(z.string()),
  keywords: z.array(z.string()),
  channels: z.record(z.string(), z.number()),
  firstSeen: z.string(),
  lastSeen: z.string(),
  heat: z.number(),
  published: z.boolean(),
  locked: z.boolean(),
  notes: z.array(progressNote),
  /** Its newest suggestions (at most 50), phone and ID numbers masked: for moving one elsewhere. */
  samples: z.array(z.object({ id: z.string(), excerpt: z.string(), channel: z.string() })),
  /** The org that answers for it (责任单位 in the tree): sign-off (销号) comes from the level above it. */
  orgId: z.string(),
  orgName: z.string(),
  signOff: signOff,
});
export type AdminItem = z.infer<typeof adminItem>;


export const patchItemBody = z.strictObject({
  title: z.optional(text(40, '标题')),
  owner: z.optional(z.nullable(text(60, '责任单位'))),
  deadline: z.optional(z.nullable(date)),
  target: z.optional(z.nullable(text(300, '整改目标'))),
  status: z.optional(itemStatus),
  /** A new progress note, added to the item's timeline. */
  progress: z.optional(text(500, '整改进展')),
  published: z.optional(z.boolean('请选择是否公开')),
  locked: z.optional(z.boolean('请选择是否锁定')),
  /** Verified uploads (POST …/evidence) attached to the new progress note. */
  evidenceIds: z.optional(z.array(id).check(z.maxLength(10, '每条进展最多附 10 个文件'))),
});
export type PatchItemBody = z.infer<typeof patchItemBody>;

/** Merge: the item in the path absorbs item `from` (its suggestions, counts and heat). */
export const mergeItemBody = z.strictObject({ from: id });
export const moveParams = z.strictObject({ suggestionId: id });
export const moveSuggestionBody = z.strictObject({
  /** The item to move it to; absent: a new item of its own. */
  toItemId: z.optional(id),
});
export const moveResult = z.object({ suggestionId: z.string(), fromItemId: z.string(), toItemId: z.string(), newItem: z.boolean() });

export const tallyResult = z.object({ processed: z.number(), newItems: z.number(), updatedItems: z.number() });

/** POST …/tally answers at once with the run it started (or the one already running for the campaign). */
export const tallyRunStarted = z.object({ runId: z.string() });
export const tallyRunParams = z.strictObject({ runId: id });
export const tallyRunStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type TallyRunStatus = z.infer<typeof tallyRunStatus>;
/** A tally run as the admin console reads it: progress is `processed` of `total` (suggestions queued when it started). */
export const tallyRun = z.object({
  runId: z.string(),
  campaignId: z.string(),
  status: tallyRunStatus,
  total: z.number(),
  processed: z.number(),
  newItems: z.number(),
  updatedItems: z.number(),
  startedAt: z.string(),
  finishedAt: z.optional(z.string()),
  /** Why a failed run stopped (Chinese, for the admin); what it committed stays, the next run carries on. */
  error: z.optional(z.string()),
  /** Invocations of the tally function the run has taken so far (a long run hands itself on before its timeout). */
  invocations: z.optional(z.number()),
});
export type TallyRun = z.infer<typeof tallyRun>;

/** The admin's checklist: its items, the suggestions waiting for the tally, and the run going on now, if any (so a page opened mid-run shows it). */
export const adminChecklist = z.object({ items: z.array(adminItem), pending: z.number(), run: z.optional(tallyRun) });

/** What the tally learned from admins' merges and moves, for the bureau owning a campaign (issue 11). */
export const tallyLesson = z.object({
  id: z.string(),
  /** synonym: these words say one thing; apart: suggestions worded with `terms` stay out of items about `apartFrom`. */
  kind: z.enum(['synonym', 'apart']),
  terms: z.array(z.string()),
  apartFrom: z.optional(z.array(z.string())),
  source: z.enum(['merge', 'move']),
  campaignId: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TallyLessonView = z.infer<typeof tallyLesson>;
export const tallyLessonList = z.object({ lessons: z.array(tallyLesson) });
export const tallyLessonParams = z.strictObject({ campaignId: id, lessonId: id });
export const lessonRemoved = z.object({ ok: z.boolean() });
