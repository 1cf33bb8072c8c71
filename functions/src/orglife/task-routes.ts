import { orglifeRoutes as routes } from '@kaimen/shared/orglife/routes';
import { bind, type Binding } from '../lib/api';
import { newId } from '../lib/ids';
import { forbidden, notFound, validationFailed } from '../lib/problem';
import { listChildren } from '../org/store';
import { assertOwnBureau, scopedBureau } from './access';
import { isBureau } from './org-kinds';
import { createTask, getTask, progressOf, saveProgress, tasksAssignedTo, tasksSetBy, type ProgressRecord, type TaskRecord } from './task-store';

function progressView(t: TaskRecord, p: ProgressRecord, nowMs: number) {
  const late = p.status === 'done' ? !!p.updatedAt && p.updatedAt > t.deadline : nowMs > Date.parse(t.deadline);
  return {
    orgId: p.orgId, orgName: p.orgName, status: p.status, note: p.note, evidence: p.evidence, late,
    ...(p.updatedAt ? { updatedAt: p.updatedAt } : {}),
  };
}

async function taskView(t: TaskRecord, nowMs: number) {
  const children = (await progressOf(t.id)).map((p) => progressView(t, p, nowMs)).sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh'));
  return {
    id: t.id, title: t.title, description: t.description, deadline: t.deadline, ownerOrgId: t.ownerOrgId, ownerOrgName: t.ownerOrgName,
    createdAt: t.createdAt, done: children.filter((c) => c.status === 'done').length, total: children.length, children,
  };
}

export const taskRoutes: Binding[] = [
  bind(routes.createTask, async ({ params, body, principal, now }) => {
    const org = await scopedBureau(principal, params.orgId);
    assertOwnBureau(principal, org, '只能以本单位名义布置任务');
    if (Date.parse(body.deadline) <= now.getTime()) throw validationFailed('完成时限应晚于现在', [{ path: 'deadline', message: '请选择将来的日期' }]);
    const targets = (await listChildren(org.id)).filter(isBureau);
    if (!targets.length) throw validationFailed('本单位没有下级机关，无法布置任务', [{ path: 'orgId', message: '请由有下级的机关布置' }]);
    const t: TaskRecord = {
      id: newId(now.getTime()), title: body.title, description: body.description ?? '', deadline: body.deadline, ownerOrgId: org.id,
      ownerOrgName: org.name, ownerOrgPath: org.path, createdAt: now.toISOString(), createdBy: principal.userId,
      targets: targets.map((c) => ({ orgId: c.id, orgName: c.name })),
    };
    await createTask(t);
    return taskView(t, now.getTime());
  }),

  bind(routes.listTasks, async ({ params, principal, now }) => {
    const org = await scopedBureau(principal, params.orgId);
    const [set, assigned] = await Promise.all([tasksSetBy(org.id), tasksAssignedTo(org.id)]);
    const assignedViews = await Promise.all(assigned.map(async (p) => {
      const t = await getTask(p.taskId);
      return t ? { ...(await taskView(t, now.getTime())), mine: progressView(t, p, now.getTime()) } : null;
    }));
    return {
      set: (await Promise.all(set.map((t) => taskView(t, now.getTime())))).sort((a, b) => a.deadline.localeCompare(b.deadline)),
      assigned: assignedViews.filter((v) => v !== null).sort((a, b) => a.deadline.localeCompare(b.deadline)),
    };
  }),

  bind(routes.reportTaskProgress, async ({ params, body, principal, now }) => {
    const t = await getTask(params.taskId);
    if (!t) throw notFound('任务不存在');
    const org = await scopedBureau(principal, body.orgId ?? principal.orgId ?? '');
    assertOwnBureau(principal, org, '只能报告本单位的任务进展');
    const current = (await progressOf(t.id)).find((p) => p.orgId === org.id);
    if (!current) throw forbidden('这项任务不是布置给本单位的');
    if (body.status === 'done' && !(body.evidence?.length)) {
      throw validationFailed('标记完成时请附上佐证材料', [{ path: 'evidence', message: '至少一条佐证（文件名、链接或说明）' }]);
    }
    await saveProgress(t, { ...current, status: body.status, note: body.note, evidence: body.evidence ?? [], updatedAt: now.toISOString(), updatedBy: principal.userId });
    return taskView(t, now.getTime());
  }),
];
