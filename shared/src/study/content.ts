import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';
import { listQuery, page } from '../http/pagination';
import { lessonKind, studyMode } from './modes';

const title = z.string().check(z.trim(), z.minLength(2, '标题至少 2 个字'), z.maxLength(60, '标题最多 60 个字'));
const summary = z.string().check(z.maxLength(500, '简介最多 500 个字'));
const order = z.int().check(z.minimum(0, '排序号不能为负数'), z.maximum(9999, '排序号最大为 9999'));
/** Article HTML as an admin writes it; the server sanitises it before storing. */
const html = z.string().check(z.maxLength(100_000, '正文最多 100000 个字符'));
const mediaUrl = z.string().check(
  z.maxLength(1000, '链接过长'),
  // `//host/…` is another site, not a path on ours (a protocol-relative URL); `/\host` is read the same way by browsers.
  z.regex(/^(https?:\/\/[^\s/\\]\S*|\/(?![/\\])\S*)?$/, '音视频地址应以 http(s):// 或 / 开头'),
);
const durationSeconds = z.int().check(z.minimum(1, '时长至少 1 秒'), z.maximum(6 * 3600, '时长最多 6 小时'));

export const topicParams = z.strictObject({ topicId: id });
export const lessonParams = z.strictObject({ lessonId: id });

/** 专题: an ordered set of lessons, owned by an org and visible to everyone under it. */
export const topic = z.object({
  id,
  title: z.string(),
  summary: z.string(),
  orgId: z.string(),
  order: z.number(),
  published: z.boolean(),
  lessonCount: z.number(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Topic = z.infer<typeof topic>;
export const topicPage = page(topic);

/** A lesson as listed in its topic (no body). */
export const lessonSummary = z.object({
  id,
  topicId: z.string(),
  title: z.string(),
  kind: lessonKind,
  mode: studyMode,
  order: z.number(),
  published: z.boolean(),
  /** Media length, or the reading time of an article: what a member needs to spend on it. */
  lengthSeconds: z.number(),
});
export type LessonSummary = z.infer<typeof lessonSummary>;

/** The member's own record of a lesson. */
export const lessonProgress = z.object({
  creditedSeconds: z.number(),
  /** Seconds of study needed before the lesson counts as completed. */
  requiredSeconds: z.number(),
  /** Where audio/video was left off, in seconds. */
  position: z.number(),
  completed: z.boolean(),
  completedAt: z.optional(isoDateTime),
});
export type LessonProgress = z.infer<typeof lessonProgress>;

export const lesson = z.extend(lessonSummary, {
  topicTitle: z.string(),
  /** Sanitised HTML of an article (and the notes of audio/video). */
  body: z.string(),
  mediaUrl: z.optional(z.string()),
  durationSeconds: z.optional(z.number()),
  progress: lessonProgress,
});
export type Lesson = z.infer<typeof lesson>;

export const topicDetail = z.extend(topic, { lessons: z.array(z.extend(lessonSummary, { completed: z.boolean() })) });
export type TopicDetail = z.infer<typeof topicDetail>;

export const topicListQuery = listQuery;

// ---- admin

export const createTopicBody = z.strictObject({
  title,
  summary: z.optional(summary),
  /** The owning org (default: the admin's own). Members of this org and everything under it see the topic. */
  orgId: z.optional(id),
  order: z.optional(order),
  published: z.optional(z.boolean()),
});

export const updateTopicBody = z.strictObject({
  title: z.optional(title),
  summary: z.optional(summary),
  order: z.optional(order),
  published: z.optional(z.boolean()),
});

const lessonFields = {
  title,
  kind: lessonKind,
  mode: studyMode,
  body: z.optional(html),
  mediaUrl: z.optional(mediaUrl),
  durationSeconds: z.optional(durationSeconds),
  order: z.optional(order),
  published: z.optional(z.boolean()),
};

const mediaNeedsDuration = (b: { kind?: string; durationSeconds?: number | undefined }) => b.kind === 'article' || b.kind === undefined || b.durationSeconds !== undefined;

export const createLessonBody = z.strictObject(lessonFields).check(
  z.refine(mediaNeedsDuration, { message: '音频、视频课程须填写时长（秒）', path: ['durationSeconds'] }),
);

export const updateLessonBody = z.strictObject({
  title: z.optional(title),
  mode: z.optional(studyMode),
  body: z.optional(html),
  mediaUrl: z.optional(mediaUrl),
  durationSeconds: z.optional(durationSeconds),
  order: z.optional(order),
  published: z.optional(z.boolean()),
});

export const orderBody = z.strictObject({
  ids: z.array(id).check(
    z.minLength(1, '请给出排序'),
    z.maxLength(500, '一次最多排序 500 项'),
    z.refine((xs) => new Set(xs).size === xs.length, '排序中有重复'),
  ),
});

/** A lesson as the admin edits it. */
export const adminLesson = z.extend(lessonSummary, {
  body: z.string(),
  mediaUrl: z.optional(z.string()),
  durationSeconds: z.optional(z.number()),
  updatedAt: isoDateTime,
});
export type AdminLesson = z.infer<typeof adminLesson>;
export const adminTopicDetail = z.extend(topic, { lessons: z.array(adminLesson) });
