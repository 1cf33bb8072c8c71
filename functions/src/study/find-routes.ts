import { DeleteCommand, PutCommand } from '../lib/dynamo';
import { lessonKindLabels, matchScore, plainText, snippet, studyModeLabels, words, type SearchHit } from '@kaimen/shared';
import { studyRoutes as routes } from '@kaimen/shared/study/routes';
import { keys } from '../db/keys';
import { bind, type Binding } from '../lib/api';
import { db, queryAll, table } from '../lib/db';
import { notFound } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import { allPublishedTopics, getLesson, getTopic, listLessons, topicVisibleTo, type LessonRecord, type TopicRecord } from './content-store';
import { listStudyRecords } from './progress-store';

const LIMIT = 30;
const TTL_MS = 60_000;
let library: { at: number; topics: TopicRecord[]; lessons: Map<string, LessonRecord[]> } | undefined;

/**
 * Every published topic with its published lessons. A province publishes hundreds of lessons, not
 * millions, so search reads them all (as the study home already does) and a warm Lambda keeps them a minute.
 */
async function publishedLibrary(nowMs: number) {
  if (library && nowMs - library.at < TTL_MS) return library;
  const topics = await allPublishedTopics();
  const lessons = new Map(await Promise.all(topics.map(async (t) => [t.id, (await listLessons(t.id)).filter((l) => l.published)] as const)));
  library = { at: nowMs, topics, lessons };
  return library;
}

async function search(p: Principal, q: string, now: Date) {
  const qWords = words(q);
  const { topics, lessons } = await publishedLibrary(now.getTime());
  const hits: SearchHit[] = [];
  for (const t of topics.filter((x) => topicVisibleTo(x, p.orgPath))) {
    const score = matchScore(qWords, { title: t.title, text: t.summary, tags: [] });
    if (score > 0) hits.push({ kind: 'topic', id: t.id, title: t.title, topicTitle: null, snippet: snippet(t.summary, qWords), score });
    for (const l of lessons.get(t.id) ?? []) {
      const text = plainText(l.body);
      const s = matchScore(qWords, { title: l.title, text, tags: [t.title, lessonKindLabels[l.kind], studyModeLabels[l.mode]] });
      if (s > 0) hits.push({ kind: 'lesson', id: l.id, title: l.title, topicTitle: t.title, snippet: snippet(text, qWords), score: s });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'zh-CN'));
  return { words: qWords, items: hits.slice(0, LIMIT) };
}

async function visibleLesson(p: Principal, lessonId: string): Promise<{ lesson: LessonRecord; topic: TopicRecord }> {
  const lesson = await getLesson(lessonId);
  const topic = lesson?.published ? await getTopic(lesson.topicId) : undefined;
  if (!lesson || !topic || !topic.published || !topicVisibleTo(topic, p.orgPath)) throw notFound('课程不存在或尚未发布');
  return { lesson, topic };
}

export const findRoutes: Binding[] = [
  bind(routes.searchStudy, async ({ query, principal, now }) => search(principal, query.q, now)),

  bind(routes.studyResume, async ({ principal }) => {
    const open = (await listStudyRecords(principal.userId)).filter((r) => !r.completedAt).sort((a, b) => b.lastReportMs - a.lastReportMs);
    for (const r of open.slice(0, 5)) {
      const found = await visibleLesson(principal, r.lessonId).catch(() => null);
      if (found) {
        return { lesson: { id: r.lessonId, title: found.lesson.title, topicTitle: found.topic.title, position: r.position, studiedAt: new Date(r.lastReportMs).toISOString() } };
      }
    }
    return { lesson: null };
  }),

  bind(routes.listFavourites, async ({ principal }) => {
    const { pk, skPrefix } = keys.favouritesPrefix(principal.userId);
    const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix } });
    return {
      items: items.map((i) => ({ lessonId: i.lessonId as string, title: i.title as string, topicTitle: i.topicTitle as string, savedAt: i.savedAt as string }))
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt)),
    };
  }),

  bind(routes.addFavourite, async ({ params, principal, now }) => {
    const { lesson, topic } = await visibleLesson(principal, params.lessonId);
    const fav = { lessonId: lesson.id, title: lesson.title, topicTitle: topic.title, savedAt: now.toISOString() };
    await db().send(new PutCommand({ TableName: table(), Item: { ...keys.favourite(principal.userId, lesson.id), type: 'favourite', userId: principal.userId, ...fav } }));
    return fav;
  }),

  bind(routes.removeFavourite, async ({ params, principal }) => {
    const { Attributes } = await db().send(new DeleteCommand({ TableName: table(), Key: keys.favourite(principal.userId, params.lessonId), ReturnValues: 'ALL_OLD' }));
    // Removing twice is fine for a lesson the caller may see; a lesson they cannot see (another
    // org's, or none) is refused as it is everywhere else, unless they had kept it from before.
    if (!Attributes) await visibleLesson(principal, params.lessonId);
    return { ok: true };
  }),
];
