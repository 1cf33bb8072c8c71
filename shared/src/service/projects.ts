import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';

/** 我为群众办实事: a project a bureau or a branch commits to (e.g. 便民十条), with owner, target, deadline and progress. */
export const projectStatuses = ['planned', 'in_progress', 'done'] as const;
export const projectStatus = z.enum(projectStatuses, '请选择项目状态');
export type ProjectStatus = z.infer<typeof projectStatus>;
export const projectStatusLabels: Record<ProjectStatus, string> = { planned: '未开始', in_progress: '推进中', done: '已办结' };

const dateOnly = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));
const text = (label: string, min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, `${label}至少 ${min} 个字`), z.maxLength(max, `${label}最多 ${max} 个字`));

export const createProjectBody = z.strictObject({
  title: text('项目名称', 2, 60),
  owner: text('责任人（部门）', 2, 40),
  target: text('目标', 2, 300),
  deadline: dateOnly,
});

export const updateProjectBody = z.strictObject({
  title: z.optional(text('项目名称', 2, 60)),
  owner: z.optional(text('责任人（部门）', 2, 40)),
  target: z.optional(text('目标', 2, 300)),
  deadline: z.optional(dateOnly),
  status: z.optional(projectStatus),
});

export const projectProgressBody = z.strictObject({
  note: text('进展情况', 2, 500),
  percent: z.int('完成进度应为 0–100 的整数').check(z.minimum(0, '完成进度应为 0–100 的整数'), z.maximum(100, '完成进度应为 0–100 的整数')),
});

export const projectParams = z.strictObject({ projectId: id });

export const serviceProject = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  owner: z.string(),
  target: z.string(),
  deadline: z.string(),
  status: projectStatus,
  percent: z.number(),
  overdue: z.boolean(),
  progress: z.array(z.object({ at: isoDateTime, note: z.string(), percent: z.number(), by: z.string() })),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ServiceProject = z.infer<typeof serviceProject>;
export const projectList = z.object({ items: z.array(serviceProject), nextCursor: z.nullable(z.string()) });

export const MAX_PROGRESS_NOTES = 100;

/** Overdue: not done and its deadline (a China date) is before today's China date. */
export function projectOverdue(p: { status: ProjectStatus; deadline: string }, now: Date): boolean {
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return p.status !== 'done' && p.deadline < today;
}

/** The status a progress note leaves: 100 % is done, anything started is in progress. */
export function statusAfterProgress(percent: number): ProjectStatus {
  return percent >= 100 ? 'done' : percent > 0 ? 'in_progress' : 'planned';
}
