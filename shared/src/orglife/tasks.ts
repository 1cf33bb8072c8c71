import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';

/** 九落实 · 三个节点: a dated task a bureau sets for the levels below, e.g. 3月底 摸底建档. */
export const createTaskBody = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(2, '任务名称至少 2 个字'), z.maxLength(60, '任务名称最多 60 个字')),
  description: z.optional(z.string().check(z.maxLength(1000, '任务说明最多 1000 个字'))),
  deadline: isoDateTime,
});
export const taskProgressStatuses = ['not_started', 'in_progress', 'done'] as const;
export const taskProgressStatus = z.enum(taskProgressStatuses);
export const taskProgressLabels = { not_started: '未开始', in_progress: '推进中', done: '已完成' } as const;

export const taskProgressBody = z.strictObject({
  /** The lower bureau reporting; default: the caller's own org. */
  orgId: z.optional(id),
  status: z.enum(['in_progress', 'done']),
  note: z.string().check(z.trim(), z.minLength(2, '请说明进展（至少 2 个字）'), z.maxLength(1000, '进展说明最多 1000 个字')),
  evidence: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(300, '每条佐证最多 300 个字'))).check(z.maxLength(10, '佐证最多 10 条'))),
});
export const taskParams = z.strictObject({ taskId: id });

export const taskProgress = z.object({
  orgId: z.string(), orgName: z.string(), status: taskProgressStatus, note: z.string(), evidence: z.array(z.string()),
  updatedAt: z.optional(isoDateTime), late: z.boolean(),
});
export const orgTask = z.object({
  id, title: z.string(), description: z.string(), deadline: isoDateTime, ownerOrgId: z.string(), ownerOrgName: z.string(),
  createdAt: isoDateTime, done: z.number(), total: z.number(), children: z.array(taskProgress),
});
export const taskList = z.object({
  /** Tasks this org set for the levels below. */
  set: z.array(orgTask),
  /** Tasks the levels above set for this org, with its own progress. */
  assigned: z.array(z.extend(orgTask, { mine: taskProgress })),
});
