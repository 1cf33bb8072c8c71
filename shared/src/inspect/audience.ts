import * as z from 'zod/mini';
import { id } from '../http/common';

/**
 * Who is asked (a self-inspection form) or to be talked with (a round of talks): everyone on the roster
 * of an org subtree, or chosen people. Exactly one of the two.
 */
export const audience = z.strictObject({
  orgId: z.optional(id),
  memberIds: z.optional(z.array(id).check(z.minLength(1, '请至少选择一人'), z.maxLength(2000, '一次最多选择 2000 人'))),
});
export type Audience = z.infer<typeof audience>;

/** Chinese problem when the audience names neither or both, else null. */
export function audienceProblem(a: Audience): string | null {
  if (a.orgId && a.memberIds) return '填报范围只能选择一种：一个组织（含下级）或指定人员';
  if (!a.orgId && !a.memberIds) return '请选择范围：一个组织（含下级）或指定人员';
  return null;
}

/** A unit's people and who of them is still missing (未填报 / 未谈话): "全覆盖、不漏一人". */
export const unitCoverage = z.object({
  unitId: z.string(),
  unitName: z.string(),
  total: z.number(),
  done: z.number(),
  missing: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type UnitCoverage = z.infer<typeof unitCoverage>;

export interface CoveragePerson { userId: string; name: string; unitId: string; unitName: string; done: boolean }

/** Per-unit coverage, units with the most missing first, people by name. */
export function coverageByUnit(people: readonly CoveragePerson[]): UnitCoverage[] {
  const units = new Map<string, UnitCoverage>();
  for (const p of people) {
    const u = units.get(p.unitId) ?? { unitId: p.unitId, unitName: p.unitName, total: 0, done: 0, missing: [] };
    u.total += 1;
    if (p.done) u.done += 1;
    else u.missing.push({ userId: p.userId, name: p.name });
    units.set(p.unitId, u);
  }
  for (const u of units.values()) u.missing.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return [...units.values()].sort((a, b) => b.missing.length - a.missing.length || a.unitName.localeCompare(b.unitName, 'zh-CN'));
}

/** An admin's view of confidential records (自查答卷, 谈话记录), as the audit log lists it. */
export const confidentialView = z.object({
  at: z.string(),
  viewerId: z.string(),
  viewerName: z.string(),
  viewerOrgName: z.string(),
  what: z.string(),
  subjectName: z.optional(z.string()),
});
export const confidentialViews = z.object({ items: z.array(confidentialView) });
