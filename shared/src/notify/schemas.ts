import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';
import { suggestionStatus, tracked } from '../feedback/tracked';
import { notificationKinds, templateKeys } from './kinds';

export const notificationKind = z.enum(notificationKinds, '未知的消息类别');
export const templateKey = z.enum(templateKeys, '未知的订阅消息模板');

/** One message of the in-app inbox (我的 → 消息). `link` is a mini-program page path. */
export const notification = z.object({
  id: z.string(),
  kind: notificationKind,
  title: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: isoDateTime,
  readAt: z.optional(isoDateTime),
});
export type Notification = z.infer<typeof notification>;

export const notificationPage = z.object({ items: z.array(notification), nextCursor: z.nullable(z.string()), unread: z.number() });
export type NotificationPage = z.infer<typeof notificationPage>;

export const readNotificationsBody = z.strictObject({
  ids: z.array(id).check(z.minLength(1, '请选择要标为已读的消息'), z.maxLength(100, '一次最多标记 100 条消息')),
});
export const unreadCount = z.object({ unread: z.number() });

/** The suggestions a signed-in WeChat user submitted: the tracked view plus the code to share. */
export const mySuggestion = z.extend(tracked, { id: z.string(), trackingCode: z.string(), status: suggestionStatus });
export const mySuggestions = z.object({ items: z.array(mySuggestion) });
export type MySuggestion = z.infer<typeof mySuggestion>;

/** What the phone needs to ask for consent, and the user's own switches. */
export const notificationSettings = z.object({
  /** Template id per group for `requestSubscribeMessage`; null when the stage has none configured. */
  templates: z.record(templateKey, z.nullable(z.string())),
  kinds: z.array(z.object({ kind: notificationKind, label: z.string(), enabled: z.boolean() })),
  /** Messages still allowed per template group (each accepted one-time subscription allows one). */
  credits: z.record(templateKey, z.number()),
});
export type NotificationSettings = z.infer<typeof notificationSettings>;

export const notificationPrefsBody = z.strictObject({
  off: z.array(notificationKind).check(z.maxLength(notificationKinds.length)),
});

/** The result of `wx.requestSubscribeMessage`, per template group asked. */
export const subscriptionsBody = z.strictObject({
  results: z.array(z.strictObject({ templateKey, result: z.enum(['accept', 'reject', 'ban', 'filter'], '订阅结果不正确') }))
    .check(z.minLength(1, '没有订阅结果'), z.maxLength(templateKeys.length * 3)),
});

export const sendState = z.enum(['pending', 'sending', 'sent', 'failed', 'unsubscribed', 'uncertain']);

/** Send failures for an admin: counts by state and reason, and the latest messages concerned. */
export const notifyFailures = z.object({
  counts: z.array(z.object({ state: sendState, reason: z.string(), count: z.number() })),
  items: z.array(z.object({
    id: z.string(), kind: notificationKind, state: sendState, reason: z.string(), detail: z.string(),
    attempts: z.number(), updatedAt: isoDateTime, nextAttemptAt: z.optional(isoDateTime),
  })),
});
export type NotifyFailures = z.infer<typeof notifyFailures>;

export const retryFailuresBody = z.strictObject({
  ids: z.optional(z.array(z.string().check(z.regex(/^[\w#-]{2,200}$/, '编号格式不正确'))).check(z.maxLength(100))),
});
export const retryFailuresResult = z.object({ requeued: z.number() });
