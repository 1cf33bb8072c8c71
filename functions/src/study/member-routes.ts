import {
  checkInWindow, DEFAULT_LIMIT, normaliseCode, pickOfDay, studyDay, totalsOf, type LessonProgress, type MemberPlan,
} from '@kaimen/shared';
import { studyRoutes as routes } from '@kaimen/shared/study/routes';
import { listArchive } from '../archive/store';
import { bind, type Binding } from '../lib/api';
import { newId } from '../lib/ids';
import { consumeCodeAttempt } from '../lib/rate-limit';
import { conflict, forbidden, notFound } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import { getUser } from '../auth/store';
import {
  allPublishedTopics, getLesson, getTopic, lessonSummaryOf, limitsOf, listLessons, listPublishedTopics, publicTopic, topicVisibleTo,
  type LessonRecord, type TopicRecord,
} from './content-store';
import { plansForOrgPath, type PlanRecord } from './plan-store';
import { applyProgress, getStudyRecord, listStudyRecords, type StudyRecord } from './progress-store';
import { createReflection, publicReflection, reflectionsForMember } from './reflection-store';
import { checkIn, publicSession, sessionByCode } from './session-store';

/** A published topic the member may see, or 404. */
async function visibleTopic(principal: Principal, topicId: string): Promise<TopicRecord> {
  const t = await getTopic(topicId);
  if (!t || !t.published || !topicVisibleTo(t, principal.orgPath)) throw notFound('专题不存在或尚未发布');
  return t;
}

/** A published lesson in a topic the member may see, or 404. */
async function visibleLesson(principal: Principal, lessonId: string): Promise<{ lesson: LessonRecord; topic: TopicRecord }> {
  const lesson = await getLesson(lessonId);
  if (!lesson || !lesson.published) throw notFound('课程不存在或尚未发布');
  return { lesson, topic: await visibleTopic(principal, lesson.topicId) };
}

function progressOf(lesson: LessonRecord, r: StudyRecord | undefined): LessonProgress {
  return {
    creditedSeconds: Math.floor((r?.creditedMs ?? 0) / 1000),
    requiredSeconds: limitsOf(lesson).requiredSeconds,
    position: r?.position ?? 0,
    completed: r?.completedAt !== undefined,
    ...(r?.completedAt ? { completedAt: r.completedAt } : {}),
  };
}

async function memberPlans(principal: Principal, now: Date): Promise<MemberPlan[]> {
  if (!principal.orgPath) return [];
  const plans = await plansForOrgPath(principal.orgPath);
  const recent = plans.filter((p) => Date.parse(p.deadline) > now.getTime() - 30 * 86_400_000);
  if (recent.length === 0) return [];
  const done = new Set((await listStudyRecords(principal.userId)).filter((r) => r.completedAt).map((r) => r.lessonId));
  return Promise.all(recent.map(async (p: PlanRecord) => {
    const lessons = (await Promise.all(p.topicIds.map((id) => listLessons(id)))).flat();
    const completed = lessons.filter((l) => done.has(l.id)).length;
    const { ownerOrgPath: _o, targetPaths: _t, ...plan } = p;
    return {
      ...plan, lessonsRequired: lessons.length, lessonsCompleted: completed,
      done: completed >= lessons.length, overdue: completed < lessons.length && Date.parse(p.deadline) < now.getTime(),
    };
  }));
}

export const memberRoutes: Binding[] = [
  bind(routes.listTopics, async ({ query, principal }) => {
    const page = await listPublishedTopics(query.limit ?? DEFAULT_LIMIT, query.cursor);
    return { items: page.items.filter((t) => topicVisibleTo(t, principal.orgPath)).map(publicTopic), nextCursor: page.nextCursor };
  }),

  bind(routes.getTopic, async ({ params, principal }) => {
    const topic = await visibleTopic(principal, params.topicId);
    const lessons = await listLessons(topic.id);
    const records = await Promise.all(lessons.map((l) => getStudyRecord(principal.userId, l.id)));
    return { ...publicTopic(topic), lessons: lessons.map((l, i) => ({ ...lessonSummaryOf(l), completed: records[i]?.completedAt !== undefined })) };
  }),

  bind(routes.getLesson, async ({ params, principal }) => {
    const { lesson, topic } = await visibleLesson(principal, params.lessonId);
    const record = await getStudyRecord(principal.userId, lesson.id, true);
    return {
      ...lessonSummaryOf(lesson), topicTitle: topic.title, body: lesson.body,
      ...(lesson.mediaUrl ? { mediaUrl: lesson.mediaUrl } : {}),
      ...(lesson.durationSeconds ? { durationSeconds: lesson.durationSeconds } : {}),
      progress: progressOf(lesson, record),
    };
  }),

  bind(routes.reportProgress, async ({ params, body, principal, now }) => {
    const { lesson, topic } = await visibleLesson(principal, params.lessonId);
    return applyProgress(principal.userId, lesson, topic.title, body, now);
  }),

  bind(routes.myArchive, async ({ principal }) => {
    const entries = await listArchive(principal.userId);
    return { items: [...entries].reverse(), totals: totalsOf(entries), nextCursor: null };
  }),

  bind(routes.studyHome, async ({ principal, now }) => {
    const topics = (await allPublishedTopics()).filter((t) => topicVisibleTo(t, principal.orgPath));
    const candidates = (await Promise.all(topics.map(async (t) => (await listLessons(t.id)).map((l) => ({ ...lessonSummaryOf(l), topicTitle: t.title }))))).flat();
    return { dailyPick: pickOfDay(candidates, studyDay(now.getTime())), plans: await memberPlans(principal, now) };
  }),

  bind(routes.submitReflection, async ({ params, body, principal, now }) => {
    const { lesson } = await visibleLesson(principal, params.lessonId);
    if (!principal.orgId || !principal.orgPath) throw forbidden('请先绑定党员身份');
    const record = {
      id: newId(now.getTime()), lessonId: lesson.id, lessonTitle: lesson.title, userId: principal.userId, authorName: principal.name,
      orgId: principal.orgId, orgPath: principal.orgPath, text: body.text, status: 'pending' as const, createdAt: now.toISOString(),
    };
    await createReflection(record);
    return publicReflection(record);
  }),

  bind(routes.listLessonReflections, async ({ params, principal }) => {
    const { lesson } = await visibleLesson(principal, params.lessonId);
    return { items: (await reflectionsForMember(lesson.id, principal.userId, principal.orgPath ?? '')).map(publicReflection) };
  }),

  bind(routes.checkIn, async ({ body, principal, now }) => {
    const code = normaliseCode(body.code);
    await consumeCodeAttempt('check-in-code', principal.userId, now.getTime());
    const session = await sessionByCode(code);
    if (!session) throw notFound('签到码无效，请重新扫描现场的签到二维码');
    if (!principal.orgPath || !principal.orgPath.startsWith(session.orgPath)) throw forbidden('这次集中学习不属于您所在的组织');
    const { opensMs, closesMs } = checkInWindow(session.startsAt, session.minutes);
    const t = now.getTime();
    if (t < opensMs) throw conflict('签到尚未开始，请在学习开始前 30 分钟内签到');
    if (t > closesMs) throw conflict('签到已结束');
    const user = await getUser(principal.userId);
    const outcome = await checkIn(session, { id: principal.userId, name: user?.name ?? principal.name }, now);
    return { session: { ...publicSession(session), attendance: outcome.attendance }, alreadyCheckedIn: outcome.already, pointsAwarded: outcome.points };
  }),
];
