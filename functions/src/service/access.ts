import { isBureau, isInstitution, isPartyOrg } from '@kaimen/shared';
import { forbidden, notFound, validationFailed } from '../lib/problem';
import { inScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { getOrg, type OrgRecord } from '../org/store';

/** An org a project may belong to: a bureau or a Party org in the caller's scope. */
export async function projectOwnerOrg(principal: Principal, orgId: string): Promise<OrgRecord> {
  const org = await getOrg(orgId);
  if (!org) throw notFound('组织不存在');
  if (!inScope(principal, org.path)) throw forbidden('这不在您所管理的组织范围内');
  if (!isBureau(org) && !isPartyOrg(org)) {
    throw validationFailed('办实事项目由司法局或党组织承诺', [{ path: 'orgId', message: '请选择一个司法局或党支部' }]);
  }
  return org;
}

/**
 * An org whose outcome figures the caller may see or record: in their scope, or, for a secretary, an
 * institution their branch covers (a branch sits under its institution, so the path alone does not say so).
 */
export async function outcomeOrg(principal: Principal, orgId: string): Promise<OrgRecord> {
  const org = await getOrg(orgId);
  if (!org) throw notFound('组织不存在');
  if (inScope(principal, org.path)) return org;
  if (principal.orgId && isInstitution(org)) {
    const own = await getOrg(principal.orgId);
    if (own && isPartyOrg(own) && (own.institutionIds ?? []).includes(org.id)) return org;
  }
  throw forbidden('这不在您所管理的组织范围内');
}
