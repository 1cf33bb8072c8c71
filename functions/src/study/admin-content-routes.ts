import { DEFAULT_LIMIT, lessonLengthSeconds} from '@kaimen/shared';
import { studyRoutes as routes } from '@kaimen/shared/study/routes';
import { bind, type Binding } from '../lib/api';
import { newId } from '../lib/ids';
import { forbidden, notFound, validationFailed } from '../lib/problem';
import { assertInScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { getOrg } from '../org/store';
import {
  adminLessonOf, getLesson, getTopic, listLessons, listTopicsInScope, publicTopic, putLesson, putTopic, setLessonOrder,
  type LessonRecord, type TopicRecord,
} from './content-store';
import { sanitizeArticle } from './sanitize';

async function ownedTopic(principal: Principal, topicId: string): Promise<TopicRecord> {
  const t = await getTopic(topicId);
  if (!t) throw notFound('专题不存在');
  assertInScope(principal, t.orgPath, '这个专题不在您所管理的组织范围内');
  return t;
}

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Recomputes the lesson's length from its kind, text and duration, and checks media lessons have one. */
function finishLesson(l: LessonRecord): LessonRecord {
  if (l.kind !== 'article' && !l.durationSeconds) {
    throw validationFailed('音频、视频课程须填写时长', [{ path: 'durationSeconds', message: '请填写时长（秒）' }]);
  }
  return { ...l, lengthSeconds: lessonLengthSeconds(l) };
}

async function saveLesson(l: LessonRecord, topic: TopicRecord): Promise<void> {
  const others = (await listLessons(topic.id)).filter((x) => x.id !== l.id);
  await putLesson(l, topic, others.length + (l.published ? 1 : 0));
}

export const adminContentRoutes: Binding[] = [
  bind(routes.adminListTopics, async ({ query, principal }) => {
    if (!principal.orgPath) throw forbidden();
    const page = await listTopicsInScope(principal.orgPath, query.limit ?? DEFAULT_LIMIT, query.cursor);
    return { items: page.items.map(publicTopic), nextCursor: page.nextCursor };
  }),

  bind(routes.createTopic, async ({ body, principal, now }) => {
    const org = await getOrg(body.orgId ?? principal.orgId ?? '');
    if (!org) throw validationFailed('所属组织不存在', [{ path: 'orgId', message: '请选择您管理范围内的组织' }]);
    assertInScope(principal, org.path, '只能为您所管理的组织创建专题');
    const at = now.toISOString();
    const t: TopicRecord = {
      id: newId(now.getTime()), title: body.title, summary: body.summary ?? '', orgId: org.id, orgPath: org.path,
      order: body.order ?? 100, published: body.published ?? false, lessonCount: 0, createdAt: at, updatedAt: at,
    };
    await putTopic(t);
    return publicTopic(t);
  }),

  bind(routes.adminGetTopic, async ({ params, principal }) => {
    const t = await ownedTopic(principal, params.topicId);
    return { ...publicTopic(t), lessons: (await listLessons(t.id, true)).map(adminLessonOf) };
  }),

  bind(routes.updateTopic, async ({ params, body, principal, now }) => {
    const t = await ownedTopic(principal, params.topicId);
    const next: TopicRecord = { ...t, ...defined(body), updatedAt: now.toISOString() };
    await putTopic(next);
    return publicTopic(next);
  }),

  bind(routes.orderTopics, async ({ body, principal, now }) => {
    const topics = await Promise.all(body.ids.map((id) => ownedTopic(principal, id)));
    await Promise.all(topics.map((t, i) => putTopic({ ...t, order: i * 10, updatedAt: now.toISOString() })));
    return { ok: true };
  }),

  bind(routes.createLesson, async ({ params, body, principal, now }) => {
    const topic = await ownedTopic(principal, params.topicId);
    const existing = await listLessons(topic.id, true);
    const at = now.toISOString();
    const lesson = finishLesson({
      id: newId(now.getTime()), topicId: topic.id, title: body.title, kind: body.kind, mode: body.mode,
      body: await sanitizeArticle(body.body ?? ''), ...(body.mediaUrl ? { mediaUrl: body.mediaUrl } : {}),
      ...(body.durationSeconds ? { durationSeconds: body.durationSeconds } : {}),
      order: body.order ?? (existing.length > 0 ? Math.max(...existing.map((l) => l.order)) + 10 : 0),
      published: body.published ?? false, lengthSeconds: 0, createdAt: at, updatedAt: at,
    });
    await saveLesson(lesson, topic);
    return adminLessonOf(lesson);
  }),

  bind(routes.updateLesson, async ({ params, body, principal, now }) => {
    const current = await getLesson(params.lessonId);
    if (!current) throw notFound('课程不存在');
    const topic = await ownedTopic(principal, current.topicId);
    const patch = defined(body);
    const next = finishLesson({
      ...current, ...patch, ...(body.body !== undefined ? { body: await sanitizeArticle(body.body) } : {}), updatedAt: now.toISOString(),
    });
    await saveLesson(next, topic);
    return adminLessonOf(next);
  }),

  bind(routes.orderLessons, async ({ params, body, principal, now }) => {
    const topic = await ownedTopic(principal, params.topicId);
    const lessons = new Set((await listLessons(topic.id, true)).map((l) => l.id));
    const stranger = body.ids.find((id) => !lessons.has(id));
    if (stranger) throw validationFailed('排序中有不属于本专题的课程', [{ path: 'ids', message: `课程 ${stranger} 不在本专题中` }]);
    await setLessonOrder(body.ids, now.toISOString());
    return { ok: true };
  }),
];
