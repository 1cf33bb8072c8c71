import type { Principal } from '../lib/tokens';
import { forbidden, notFound, validationFailed } from '../lib/problem';
import { assertInScope, inScope } from '../lib/scope';
import { getOrg, type OrgRecord } from '../org/store';
import { isBureau, isPartyOrg } from './org-kinds';

/** A party org the caller manages (its secretary or an admin above), or a clear 404/403/400. */
export async function managedPartyOrg(principal: Principal, orgId: string): Promise<OrgRecord> {
  const org = await getOrg(orgId);
  if (!org) throw notFound('党组织不存在');
  assertInScope(principal, org.path, '这个党组织不在您所管理的范围内');
  if (!isPartyOrg(org)) throw validationFailed('组织生活只能登记在党组织（党支部等）下', [{ path: 'partyOrgId', message: '请选择一个党组织' }]);
  return org;
}

/** Any org in the caller's scope. */
export async function scopedOrg(principal: Principal, orgId: string): Promise<OrgRecord> {
  const org = await getOrg(orgId);
  if (!org) throw notFound('组织不存在');
  assertInScope(principal, org.path);
  return org;
}

/** A bureau in the caller's scope (reports and tasks belong to bureaus). */
export async function scopedBureau(principal: Principal, orgId: string): Promise<OrgRecord> {
  const org = await scopedOrg(principal, orgId);
  if (!isBureau(org)) throw validationFailed('月报和任务只属于司法行政机关（司法厅、局）', [{ path: 'orgId', message: '请选择一个司法局' }]);
  return org;
}

/** 民主评议 outcomes: the branch's own secretary, or an admin whose scope holds the branch. */
export function maySeeReviewOutcomes(principal: Principal, org: { id: string; path: string }): boolean {
  if (principal.roles.includes('secretary') && principal.orgId === org.id) return true;
  return principal.roles.includes('admin') && inScope(principal, org.path);
}

export function assertOwnBureau(principal: Principal, org: OrgRecord, detail: string): void {
  if (principal.orgId !== org.id || !principal.roles.includes('admin')) throw forbidden(detail);
}
