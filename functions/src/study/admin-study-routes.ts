import { checkInWindow, isBehind, XLSX_MEDIA_TYPE } from '@kaimen/shared';
import { studyRoutes as routes } from '@kaimen/shared/study/routes';
import { bind, FileReply, type Binding } from '../lib/api';
import { newCode, newId } from '../lib/ids';
import { forbidden, notFound, validationFailed } from '../lib/problem';
import { assertInScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { getOrg, type OrgRecord } from '../org/store';
import { getTopic, listLessons, topicVisibleTo } from './content-store';
import { createPlan, getPlan, plansForManager, publicPlan, type PlanRecord } from './plan-store';
import { listStudyRecords } from './progress-store';
import { getReflection, pendingReflections, publicReflection, reviewReflection } from './reflection-store';
import { lessonsAvailableTo, reportOf, reportWorkbook, studyRows } from './report';
import { listOrgMembers } from './roster';
import { createSession, getSession, listAttendees, listSessionsInScope, publicSession, type SessionRecord } from './session-store';

const CHECK_IN_CODE_LENGTH = 8;

/** The org a secretary or admin asks about (their own by default), inside their subtree. */
async function scopedOrg(principal: Principal, orgId: string | undefined): Promise<OrgRecord> {
  const org = await getOrg(orgId ?? principal.orgId ?? '');
  if (!org) throw notFound('组织不存在');
  assertInScope(principal, org.path);
  return org;
}

/** What the check-in QR code encodes: the mini-program's check-in page with the code (H5: the same hash route). */
export function checkInPath(code: string): string {
  return `/pages/study/checkin?code=${code}`;
}

async function adminSessionView(s: SessionRecord) {
  const attendees = await listAttendees(s.id);
  const path = checkInPath(s.checkInCode);
  const { default: QRCode } = await import('qrcode');
  return {
    ...publicSession(s), attendance: attendees.length, checkInCode: s.checkInCode, checkInPath: path,
    qrDataUrl: await QRCode.toDataURL(path, { margin: 1, width: 320, errorCorrectionLevel: 'M' }), attendees,
  };
}

export const adminStudyRoutes: Binding[] = [
  bind(routes.createStudyPlan, async ({ body, principal, now }) => {
    if (!principal.orgPath || !principal.orgId) throw forbidden();
    if (Date.parse(body.deadline) <= now.getTime()) throw validationFailed('截止时间应晚于现在', [{ path: 'deadline', message: '请选择将来的时间' }]);
    const orgs = await Promise.all(body.orgIds.map((id) => getOrg(id)));
    const targets: OrgRecord[] = [];
    orgs.forEach((o, i) => {
      if (!o) throw validationFailed('适用组织不存在', [{ path: `orgIds.${i}`, message: '请选择您管理范围内的组织' }]);
      assertInScope(principal, o.path, '只能为您所管理的组织制定学习计划');
      targets.push(o);
    });
    const topics = await Promise.all(body.topicIds.map((id) => getTopic(id)));
    topics.forEach((t, i) => {
      if (!t || !t.published || !targets.every((o) => topicVisibleTo(t, o.path))) {
        throw validationFailed('专题不存在、未发布或适用组织看不到它', [{ path: `topicIds.${i}`, message: '请选择已发布、适用组织可见的专题' }]);
      }
    });
    const plan: PlanRecord = {
      id: newId(now.getTime()), title: body.title, requirements: body.requirements ?? '', topicIds: body.topicIds,
      orgIds: targets.map((o) => o.id), deadline: body.deadline, ownerOrgId: principal.orgId, createdAt: now.toISOString(),
      ownerOrgPath: principal.orgPath, targetPaths: targets.map((o) => o.path),
    };
    await createPlan(plan);
    return publicPlan(plan);
  }),

  bind(routes.listStudyPlans, async ({ principal }) => {
    if (!principal.orgPath) throw forbidden();
    return { items: (await plansForManager(principal.orgPath)).map(publicPlan) };
  }),

  bind(routes.studyPlanProgress, async ({ params, query, principal, now }) => {
    const plan = await getPlan(params.planId);
    if (!plan) throw notFound('学习计划不存在');
    const org = await scopedOrg(principal, query.orgId);
    if (!plan.targetPaths.some((p) => org.path.startsWith(p) || p.startsWith(org.path))) throw notFound('这个学习计划不适用于该组织');
    const lessons = (await Promise.all(plan.topicIds.map((id) => listLessons(id)))).flat();
    const lessonIds = new Set(lessons.map((l) => l.id));
    const members = await listOrgMembers(org.id);
    const rows = await Promise.all(members.map(async (m) => {
      const records = (await listStudyRecords(m.id)).filter((r) => lessonIds.has(r.lessonId));
      const completed = records.filter((r) => r.completedAt).length;
      return {
        userId: m.id, name: m.name, lessonsCompleted: completed, lessonsRequired: lessons.length,
        minutes: Math.round(records.reduce((s, r) => s + r.creditedMs, 0) / 6000) / 10,
        behind: isBehind(completed, lessons.length, Date.parse(plan.createdAt), Date.parse(plan.deadline), now.getTime()),
      };
    }));
    rows.sort((a, b) => Number(b.behind) - Number(a.behind) || a.lessonsCompleted - b.lessonsCompleted);
    return { plan: publicPlan(plan), orgId: org.id, orgName: org.name, members: rows, behindCount: rows.filter((r) => r.behind).length };
  }),

  bind(routes.pendingReflections, async ({ principal }) => {
    if (!principal.orgPath) throw forbidden();
    return { items: (await pendingReflections(principal.orgPath)).map(publicReflection) };
  }),

  bind(routes.reviewReflection, async ({ params, body, principal, now }) => {
    const r = await getReflection(params.reflectionId);
    if (!r) throw notFound('心得不存在');
    assertInScope(principal, r.orgPath, '这条心得不在您所管理的组织范围内');
    return publicReflection(await reviewReflection(r, body.approve, body.note?.trim() || undefined, now));
  }),

  bind(routes.createStudySession, async ({ body, principal, now }) => {
    const org = await scopedOrg(principal, body.orgId);
    const s: SessionRecord = {
      id: newId(now.getTime()), title: body.title, mode: body.mode, orgId: org.id, orgName: org.name, orgPath: org.path,
      startsAt: body.startsAt, endsAt: new Date(Date.parse(body.startsAt) + body.minutes * 60_000).toISOString(),
      minutes: body.minutes, place: body.place?.trim() ?? '', attendance: 0, createdAt: now.toISOString(),
      checkInCode: newCode(CHECK_IN_CODE_LENGTH), createdBy: principal.userId,
    };
    await createSession(s, checkInWindow(s.startsAt, s.minutes).closesMs);
    return adminSessionView(s);
  }),

  bind(routes.listStudySessions, async ({ principal }) => {
    if (!principal.orgPath) throw forbidden();
    return { items: (await listSessionsInScope(principal.orgPath)).map(publicSession) };
  }),

  bind(routes.getStudySession, async ({ params, principal }) => {
    const s = await getSession(params.sessionId);
    if (!s) throw notFound('集中学习不存在');
    assertInScope(principal, s.orgPath, '这次集中学习不在您所管理的组织范围内');
    return adminSessionView(s);
  }),

  bind(routes.studyReport, async ({ query, principal }) => {
    const org = await scopedOrg(principal, query.orgId);
    const [{ branches, rows }, available] = await Promise.all([studyRows(org), lessonsAvailableTo(org.path)]);
    return reportOf(org, branches, rows, available);
  }),

  bind(routes.studyReportXlsx, async ({ query, principal, now }) => {
    const org = await scopedOrg(principal, query.orgId);
    const [{ branches, rows }, available] = await Promise.all([studyRows(org), lessonsAvailableTo(org.path)]);
    const report = reportOf(org, branches, rows, available);
    const day = now.toISOString().slice(0, 10);
    return new FileReply(await reportWorkbook(report, rows), XLSX_MEDIA_TYPE, `${org.name}-学习统计-${day}.xlsx`);
  }),
];
