import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';
import { listQuery, page } from '../http/pagination';
import { MOBILE_PATTERN } from './privacy';
import { rating, suggestionStatus } from './tracked';

export { suggestionStatuses, suggestionStatus, statusLabels, ratings, rating, ratingLabels, timelineEntry, tracked, type SuggestionStatus, type Rating, type Tracked } from './tracked';

export const CONTENT_MIN = 5;
export const CONTENT_MAX = 2000;
export const TRACKING_CODE_LENGTH = 12; // 12 symbols × 5 bits = 60 bits

/** Where a suggestion came from: the mini-program, or an offline channel typed in by staff. */
export const channels = ['miniapp', 'window', 'letter', 'hotline', 'forum', 'questionnaire'] as const;
export const channel = z.enum(channels);
export type Channel = z.infer<typeof channel>;
export const offlineChannels = ['window', 'letter', 'hotline', 'forum', 'questionnaire'] as const;
export const channelLabels: Record<Channel, string> = {
  miniapp: '小程序', window: '窗口意见卡', letter: '来信', hotline: '热线电话', forum: '座谈会', questionnaire: '问卷调查',
};

export const moderations = ['spam', 'duplicate'] as const;
export const moderation = z.enum(moderations);

/** Characters as people count them (code points), after trimming. */
export function contentLength(text: string): number {
  return [...text.trim()].length;
}

/**
 * Characters a reader can see: not spaces, control or format characters (zero-width spaces and
 * joiners, BOM, bidi marks), lone combining marks, or blank-looking fillers (ㅤ, the braille blank).
 */
const INVISIBLE = /^(?:[\s\p{Cc}\p{Cf}\p{M}\p{Zs}\p{Zl}\p{Zp}]|\u115F|\u1160|\u3164|\uFFA0|\u2800|\u034F|\u180E)$/u;
export function visibleLength(text: string): number {
  return [...text].filter((c) => !INVISIBLE.test(c)).length;
}

/**
 * Characters that never belong in text a person types: control characters other than tab and line
 * breaks (a NUL, a backspace), bidi overrides and isolates (they make a message read differently from
 * what it holds) and unpaired halves of a surrogate pair (not text at all).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
export function hasHiddenControls(text: string): boolean {
  return HIDDEN_CONTROL.test(text);
}
export const HIDDEN_CONTROLS_MESSAGE = '含有看不见的控制字符，请删除后重新填写';
const noHiddenControls = z.refine<string>((s) => !hasHiddenControls(s), HIDDEN_CONTROLS_MESSAGE);

const content = z.string().check(
  noHiddenControls,
  z.refine((s) => visibleLength(s) >= CONTENT_MIN, `请至少写 ${CONTENT_MIN} 个字`),
  z.refine((s) => contentLength(s) <= CONTENT_MAX, `最多 ${CONTENT_MAX} 个字`),
);

export const contact = z.strictObject({
  name: z.optional(z.string().check(noHiddenControls, z.trim(), z.minLength(1, '请填写姓名'), z.maxLength(20, '姓名最多 20 个字'))),
  phone: z.optional(z.string().check(z.trim(), z.regex(MOBILE_PATTERN, '请填写 11 位大陆手机号码'))),
});

export const submitSuggestionBody = z.strictObject({
  category: z.string().check(z.minLength(1, '请选择类别'), z.maxLength(40)),
  content,
  anonymous: z.boolean('请选择是否匿名'),
  contact: z.optional(contact),
  /** The unit the suggestion is about (被反映单位), when the person names one. */
  orgId: z.optional(id),
  /** The pioneer post (先锋岗) the suggestion is about, when it is left from a post's public card. */
  postId: z.optional(id),
  /** Honeypot: a field people never see. Anything in it marks a bot. */
  website: z.optional(z.string().check(z.maxLength(200))),
}).check(
  z.refine((b) => b.anonymous || (!!b.contact?.name && !!b.contact?.phone), {
    message: '实名提交请填写姓名和手机号码，或选择匿名', path: ['contact'],
  }),
  z.refine((b) => !b.anonymous || b.contact === undefined, {
    message: '匿名提交时请不要填写联系方式', path: ['contact'],
  }),
);
export type SubmitSuggestionBody = z.infer<typeof submitSuggestionBody>;

export const suggestionCreated = z.object({ id: z.string(), trackingCode: z.string(), status: suggestionStatus });

export const trackingParams = z.strictObject({ trackingCode: z.string().check(z.minLength(1), z.maxLength(40)) });

export const rateBody = z.strictObject({
  rating,
  comment: z.optional(z.string().check(noHiddenControls, z.maxLength(500, '评价最多 500 个字'))),
});

// ---- admin ----

export const replyBody = z.strictObject({
  text: z.string().check(z.refine((s) => s.trim().length >= 2, '答复内容至少 2 个字'), z.maxLength(2000, '答复最多 2000 个字')),
});

export const moderateBody = z.strictObject({
  moderation: z.nullable(moderation),
  duplicateOf: z.optional(id),
});

export const followUpBody = z.strictObject({
  note: z.string().check(z.refine((s) => s.trim().length >= 2, '请填写回访情况'), z.maxLength(1000)),
  /** The person's view after the follow-up call (回访). */
  outcome: z.optional(rating),
});

export const suggestionParams = z.strictObject({ suggestionId: id });

export const adminSuggestion = z.object({
  id: z.string(),
  campaignId: z.string(),
  category: z.string(),
  content: z.string(),
  channel,
  anonymous: z.boolean(),
  contact: z.optional(z.object({ name: z.optional(z.string()), phone: z.optional(z.string()) })),
  orgId: z.optional(z.string()),
  /** The pioneer post the suggestion is about, and how the inbox names it (name · window). */
  postId: z.optional(z.string()),
  postLabel: z.optional(z.string()),
  trackingCode: z.optional(z.string()),
  externalId: z.optional(z.string()),
  status: suggestionStatus,
  createdAt: isoDateTime,
  submittedAt: isoDateTime,
  reply: z.optional(z.object({ text: z.string(), at: isoDateTime, by: z.string() })),
  rating: z.optional(z.object({ rating, comment: z.optional(z.string()), at: isoDateTime })),
  followUp: z.optional(z.object({ note: z.string(), outcome: z.optional(rating), at: isoDateTime, by: z.string() })),
  moderation: z.optional(moderation),
  duplicateOf: z.optional(z.string()),
  checklistItemId: z.optional(z.string()),
});
export type AdminSuggestion = z.infer<typeof adminSuggestion>;

const dateOnly = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));

export const inboxQuery = z.extend(listQuery, {
  category: z.optional(z.string().check(z.maxLength(40))),
  status: z.optional(suggestionStatus),
  channel: z.optional(channel),
  from: z.optional(dateOnly),
  to: z.optional(dateOnly),
  q: z.optional(z.string().check(z.maxLength(50, '搜索词最多 50 个字'))),
  /** `flagged`: marked spam or duplicate, either. */
  moderation: z.optional(z.enum(['spam', 'duplicate', 'none', 'flagged'])),
  followUp: z.optional(z.enum(['pending'])),
  postId: z.optional(id),
  /** Whether an admin has answered it yet. */
  replied: z.optional(z.enum(['yes', 'no'])),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const inboxPage = page(adminSuggestion);

export const importResult = z.object({
  imported: z.number(),
  skipped: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
  /** The request's time was up before every row was written (a large file on a busy server): send the
   *  same file again with `?from=nextRow` to go on; rows already written are never written twice. */
  remaining: z.optional(z.number()),
  nextRow: z.optional(z.number()),
});
/** `from`: the data row (0-based) to go on from, as a previous answer's `nextRow` said. */
export const importQuery = z.strictObject({ from: z.optional(z.string().check(z.regex(/^\d{1,6}$/, '起始行应为数字'))) });

export const campaignStats = z.object({
  total: z.number(),
  perDay: z.array(z.object({ date: z.string(), count: z.number() })),
  perCategory: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  perChannel: z.array(z.object({ key: channel, label: z.string(), count: z.number() })),
  perStatus: z.array(z.object({ key: suggestionStatus, label: z.string(), count: z.number() })),
  replied: z.number(),
  rated: z.number(),
  satisfaction: z.object({ satisfied: z.number(), basically_satisfied: z.number(), unsatisfied: z.number(), rate: z.nullable(z.number()) }),
  followUpsPending: z.number(),
});
export type CampaignStats = z.infer<typeof campaignStats>;
