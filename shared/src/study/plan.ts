import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';

/** 学习计划: topics to finish by a deadline, for the members of some orgs. */
export const studyPlan = z.object({
  id,
  title: z.string(),
  requirements: z.string(),
  topicIds: z.array(z.string()),
  orgIds: z.array(z.string()),
  deadline: isoDateTime,
  ownerOrgId: z.string(),
  createdAt: isoDateTime,
});
export type StudyPlan = z.infer<typeof studyPlan>;

export const createPlanBody = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(2, '计划名称至少 2 个字'), z.maxLength(60, '计划名称最多 60 个字')),
  requirements: z.optional(z.string().check(z.maxLength(2000, '学习要求最多 2000 个字'))),
  topicIds: z.array(id).check(z.minLength(1, '至少选择一个专题'), z.maxLength(20, '最多 20 个专题')),
  orgIds: z.array(id).check(z.minLength(1, '至少选择一个组织'), z.maxLength(50, '最多 50 个组织')),
  deadline: isoDateTime,
});

export const planParams = z.strictObject({ planId: id });
export const planProgressQuery = z.strictObject({ orgId: z.optional(id) });

/** A plan as one member sees it. */
export const memberPlan = z.extend(studyPlan, {
  lessonsRequired: z.number(),
  lessonsCompleted: z.number(),
  done: z.boolean(),
  overdue: z.boolean(),
});
export type MemberPlan = z.infer<typeof memberPlan>;

export const planMemberRow = z.object({
  userId: z.string(),
  name: z.string(),
  lessonsCompleted: z.number(),
  lessonsRequired: z.number(),
  minutes: z.number(),
  behind: z.boolean(),
});
export type PlanMemberRow = z.infer<typeof planMemberRow>;

/** Who in a branch is behind on a plan (for the secretary). */
export const planProgress = z.object({
  plan: studyPlan,
  orgId: z.string(),
  orgName: z.string(),
  members: z.array(planMemberRow),
  behindCount: z.number(),
});

/**
 * Whether a member is behind on a plan: everything done is never behind; otherwise the share done
 * must keep pace with the share of the plan's time that has passed (and all of it past the deadline).
 */
export function isBehind(completed: number, required: number, createdAtMs: number, deadlineMs: number, nowMs: number): boolean {
  if (required <= 0 || completed >= required) return false;
  if (nowMs >= deadlineMs) return true;
  const span = Math.max(1, deadlineMs - createdAtMs);
  const elapsedShare = Math.min(1, Math.max(0, (nowMs - createdAtMs) / span));
  return completed / required < elapsedShare;
}
