import * as z from 'zod/mini';
import { DUEL_COUNT, type AnyRoute } from '@kaimen/shared';
import { tallyAndWait } from './tally';
import type { TestApi } from './test-api';

/**
 * Objects of one org tree, by the path parameter that names them. The access matrix and the fuzz
 * test fill a route's `{param}` from here, so a new route whose parameters are already known is
 * covered the day it is added; a new parameter name needs one line in `seedOrgObjects`.
 */
export interface OrgObjects {
  params: Record<string, string>;
  /** Strings that only this org's data contains: none may appear in another org's answer. */
  markers: string[];
  /** An org id of this tree, for bodies that name an org. */
  orgId: string;
}

async function ok(res: Promise<{ status: number; json: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`fixture ${what} failed: ${r.status} ${r.text}`);
  return r.json;
}

const soon = () => new Date(Date.now() + 5 * 60_000).toISOString();
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * One of each object in an org tree, made through the API by that tree's own people: `admin` an
 * admin of the tree, `member` someone who takes its quizzes and lessons (may be the admin).
 */
export async function seedOrgObjects(api: TestApi, o: { orgId: string; partyOrgId: string; admin: string; member: string; memberId: string; tag: string }): Promise<OrgObjects> {
  const admin = await api.token(o.admin);
  const member = await api.token(o.member);
  const req = (method: string, path: string, body?: unknown, token = admin) => api.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  const t = o.tag;

  const campaign = await ok(req('POST', '/admin/campaigns', {
    title: `${t}征求意见活动`, description: `${t}面向社会征求意见建议的活动说明`, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: later(30), orgId: o.orgId, status: 'open',
  }), 'campaign');
  const submitted = await ok(api.request('POST', `/campaigns/${campaign.id}/suggestions`, { body: { category: 'notary', content: `${t}公证处周末不开门，上班族没时间办`, anonymous: true } }), 'suggestion');
  const inbox = await ok(req('GET', `/admin/campaigns/${campaign.id}/suggestions`), 'inbox');
  // The tally runs in the background (202 and a run id): the checklist has its item once the run is done.
  const run = await tallyAndWait(api, campaign.id, admin);
  if (run.status !== 'done') throw new Error(`fixture tally failed: ${JSON.stringify(run)}`);
  const checklist = await ok(req('GET', `/admin/campaigns/${campaign.id}/checklist`), 'checklist');
  const bank = await ok(req('POST', '/admin/question-banks', { title: `${t}题库` }), 'bank');
  const questions = [];
  for (let i = 0; i < DUEL_COUNT; i++) { // enough for a duel in an org whose seeds hold no bank
    questions.push(await ok(req('POST', `/admin/question-banks/${bank.id}/questions`, { type: 'single', stem: `${t}第${i + 1}题：以下哪项正确？`, options: ['甲', '乙'], answer: 'A' }), 'question'));
  }
  const quiz = await ok(req('POST', '/admin/quizzes', { title: `${t}测试`, bankId: bank.id, draw: { single: 1 }, timeLimitSeconds: 600, attemptsAllowed: 5, passScore: 1 }), 'quiz');
  const attempt = await ok(req('POST', `/quizzes/${quiz.id}/attempts`, undefined, member), 'attempt');
  const topic = await ok(req('POST', '/admin/topics', { title: `${t}专题`, summary: '', published: true, orgId: o.orgId }), 'topic');
  const lesson = await ok(req('POST', `/admin/topics/${topic.id}/lessons`, { title: `${t}课程`, kind: 'article', mode: 'self_study', body: '<p>正文</p>', published: true }), 'lesson');
  const plan = await ok(req('POST', '/admin/study-plans', { title: `${t}学习计划`, topicIds: [topic.id], orgIds: [o.orgId], deadline: later(20) }), 'plan');
  const session = await ok(req('POST', '/admin/study-sessions', { title: `${t}集中学习`, mode: 'self_study', orgId: o.orgId, startsAt: soon(), minutes: 60 }), 'session');
  const reflection = await ok(req('POST', `/lessons/${lesson.id}/reflections`, { text: `${t}学习心得：把群众的事当成自己的事来办` }, member), 'reflection');
  const roster = await ok(req('GET', `/admin/orgs/${o.partyOrgId}/orglife-roster`), 'orglife roster');
  const meeting = await ok(req('POST', `/admin/orgs/${o.partyOrgId}/meetings`, {
    type: 'theme_day', heldAt: new Date(Date.now() - 3_600_000).toISOString(), topic: `${t}主题党日`, attendeeIds: roster.items.slice(0, 1).map((m: { userId: string }) => m.userId),
  }), 'meeting');
  const task = await ok(req('POST', `/admin/orgs/${o.orgId}/tasks`, { title: `${t}摸底建档任务`, description: '', deadline: later(10) }), 'task');
  const coverage = await ok(req('GET', `/admin/orgs/${o.orgId}/coverage`), 'coverage');
  if (!coverage.gaps?.length) throw new Error(`fixture gap: the census of ${o.orgId} lists no gap`);
  const duel = await ok(req('POST', '/games/duels', undefined, member), 'duel');
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7); // the month in Beijing
  const form = await ok(req('POST', '/admin/inspections', { title: `${t}自查事项报告表`, orgId: o.orgId, deadline: '2099-12-31', audience: { memberIds: [o.memberId] } }), 'inspection form');
  const round = await ok(req('POST', '/admin/talk-rounds', { title: `${t}谈心谈话`, orgId: o.orgId, endsAt: '2099-12-31', audience: { memberIds: [o.memberId] } }), 'talk round');
  const project = await ok(req('POST', `/admin/orgs/${o.orgId}/service-projects`, { title: `${t}办实事项目`, owner: '办公室', target: '群众办事最多跑一次', deadline: later(30).slice(0, 10) }), 'service project');
  const pcLogin = await ok(req('POST', '/auth/pc-login'), 'pc sign-in ticket');

  return {
    orgId: o.orgId,
    params: {
      campaignId: campaign.id, runId: run.runId, suggestionId: inbox.items[0].id, trackingCode: submitted.trackingCode, itemId: checklist.items[0].id,
      bankId: bank.id, questionId: questions[0].id, quizId: quiz.id, attemptId: attempt.attemptId, topicId: topic.id, lessonId: lesson.id,
      planId: plan.id, sessionId: session.id, reflectionId: reflection.id, memberId: o.memberId,
      orgId: o.orgId, partyOrgId: o.partyOrgId, month, meetingId: meeting.id, taskId: task.id, gapId: coverage.gaps[0].id, duelId: duel.duelId,
      formId: form.id, userId: o.memberId, roundId: round.id,
      postId: `pp-demo-${o.orgId}`, projectId: project.id, // pioneer cards come from the demo seed (scripts/seed/pioneer.ts)
      ticket: pcLogin.ticket, pcPollKey: pcLogin.pollKey,
    },
    markers: [campaign.id, meeting.id, task.id, `${t}主题党日`, `${t}摸底建档`, bank.id, quiz.id, attempt.attemptId, topic.id, lesson.id, plan.id, session.id, reflection.id, `${t}公证处`, `${t}第1题`, form.id, round.id, `${t}自查`, `${t}谈心`, project.id, `${t}办实事`],
  };
}

export interface RouteRequest {
  params: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  raw?: { contentType: string; bytes: Buffer };
}

/**
 * A valid request body per route, aimed at the objects `o` (another org's): it must get past
 * validation so that the org check is what answers. Routes without an entry send `{}` (or a small
 * CSV); when that does not validate, only the role checks are exercised and the test says so.
 */
export const bodyFixtures: Record<string, (o: OrgObjects) => unknown> = {
  createCampaign: (o) => ({ title: '越权创建的活动', description: '越权创建的活动说明文字', opensAt: later(1), closesAt: later(9), orgId: o.orgId }),
  updateCampaign: () => ({ title: '越权修改的标题' }),
  submitSuggestion: () => ({ category: 'notary', content: '矩阵测试提交的意见内容', anonymous: true }),
  rateSuggestion: () => ({ rating: 'satisfied' }),
  replySuggestion: () => ({ text: '越权答复的内容' }),
  moderateSuggestion: () => ({ moderation: 'spam' }),
  followUpSuggestion: () => ({ note: '越权回访记录' }),
  patchChecklistItem: () => ({ status: 'in_progress' }),
  mergeChecklistItems: (o) => ({ from: o.params.itemId }),
  moveSuggestionToItem: () => ({}),
  createQuestionBank: (o) => ({ title: '越权题库', orgId: o.orgId }),
  addQuestion: () => ({ type: 'judge', stem: '越权添加的题目', answer: '对' }),
  updateQuestion: () => ({ type: 'judge', stem: '越权修改的题目', answer: '对' }),
  createQuiz: (o) => ({ title: '越权测试', bankId: o.params.bankId, draw: { single: 1 }, timeLimitSeconds: 600, attemptsAllowed: 1, passScore: 1 }),
  recordOfflineScores: (o) => ({ scores: [{ memberId: o.params.memberId, score: 90 }] }),
  saveAnswers: () => ({ answers: {} }),
  submitAttempt: () => ({ answers: {} }),
  reportProgress: () => ({ seconds: 30, completed: false }),
  submitReflection: () => ({ text: '越权提交的学习心得内容，超过十个字' }),
  createTopic: (o) => ({ title: '越权专题', orgId: o.orgId }),
  updateTopic: () => ({ title: '越权修改专题' }),
  orderTopics: (o) => ({ ids: [o.params.topicId] }),
  createLesson: () => ({ title: '越权课程', kind: 'article', mode: 'self_study', body: '<p>x</p>' }),
  updateLesson: () => ({ title: '越权修改课程' }),
  orderLessons: (o) => ({ ids: [o.params.lessonId] }),
  createStudyPlan: (o) => ({ title: '越权计划', topicIds: [o.params.topicId], orgIds: [o.orgId], deadline: later(10) }),
  reviewReflection: () => ({ approve: true }),
  createStudySession: (o) => ({ title: '越权集中学习', mode: 'self_study', orgId: o.orgId, startsAt: soon(), minutes: 30 }),
  saveMyPost: () => ({ kind: 'pioneer_post', window: '矩阵测试窗口', pledge: '矩阵测试的承诺内容，热情服务群众。', services: ['法律咨询'] }),
  myPostPhotoUpload: () => ({ contentType: 'image/png', size: 100 }),
  reviewPost: () => ({ approve: true }),
  ratePost: () => ({ stars: 5 }),
  createProject: () => ({ title: '越权办实事项目', owner: '办公室', target: '越权的目标', deadline: later(10).slice(0, 10) }),
  updateProject: () => ({ title: '越权修改项目' }),
  addProjectProgress: () => ({ note: '越权登记的进展', percent: 50 }),
  saveOutcome: () => ({ legalAidCases: 1, feesWaivedYuan: 0, disputesMediated: 0, consultations: 0 }),
  bind: () => ({ bindingCode: 'ZZZZ-ZZZZ' }),
  checkIn: () => ({ code: 'ZZZZZZ' }),
  createChecklistItem: () => ({ title: '越权新增的整改事项', source: 'inspection' }),
  signOffChecklistItem: () => ({ decision: 'approve' }),
  checklistEvidenceUpload: () => ({ fileName: 'a.png', contentType: 'image/png', size: 100 }),
  createInspectForm: (o) => ({ title: '越权自查表', orgId: o.orgId, deadline: '2099-12-31', audience: { orgId: o.orgId } }),
  fileInspection: () => ({ answers: [], signature: '越权', pledged: true }),
  createTalkRound: (o) => ({ title: '越权谈话', orgId: o.orgId, endsAt: '2099-12-31', audience: { orgId: o.orgId } }),
  recordTalk: (o) => ({ intervieweeId: o.params.memberId, talkerName: '越权', heldAt: new Date(Date.now() - 3_600_000).toISOString(), kind: '1', outcome: 'stable' }),
  pollPcLogin: (o) => ({ pollKey: o.params.pcPollKey }),
};

/** Query fixtures aimed at another org (routes that take the org as a query parameter). */
export const queryFixtures: Record<string, (o: OrgObjects) => Record<string, string>> = {
  studyPlanProgress: (o) => ({ orgId: o.orgId }),
  studyReport: (o) => ({ orgId: o.orgId }),
  studyReportXlsx: (o) => ({ orgId: o.orgId }),
};

/** The request a route gets in the matrix, or an error naming what is missing to exercise it at all. */
export function requestFor(route: AnyRoute, o: OrgObjects): RouteRequest {
  const params: Record<string, string> = {};
  for (const m of route.path.matchAll(/\{(\w+)\}/g)) {
    const value = o.params[m[1]!];
    if (value === undefined) {
      throw new Error(`route ${route.id} (${route.method} ${route.path}) has a path parameter {${m[1]}} that no fixture knows: add an object for it in functions/test/support/route-fixtures.ts (seedOrgObjects)`);
    }
    params[m[1]!] = value;
  }
  const query = queryFixtures[route.id]?.(o);
  if (route.rawBody) return { params, ...(query ? { query } : {}), raw: { contentType: 'text/csv', bytes: Buffer.from('a,b\n1,2\n') } };
  const body = route.body ? (bodyFixtures[route.id] ? bodyFixtures[route.id]!(o) : {}) : undefined;
  return { params, ...(query ? { query } : {}), ...(body === undefined ? {} : { body }) };
}

/** Whether the body fixture passes the route's schema (else only the role checks are exercised). */
export function bodyValidates(route: AnyRoute, body: unknown): boolean {
  return !route.body || z.safeParse(route.body, body).success;
}

export function pathOf(route: AnyRoute, params: Record<string, string>, query?: Record<string, string>): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n] ?? ''));
  const qs = query ? new URLSearchParams(query).toString() : '';
  return qs ? `${path}?${qs}` : path;
}
