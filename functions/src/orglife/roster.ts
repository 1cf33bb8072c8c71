import { listOrgMembers } from '../study/roster';
import { attachedMembers } from './meeting-store';

export interface OrgLifeMember { userId: string; name: string; orgId: string; guest: boolean }

/**
 * Who takes part in a party org's organisation life: its own members (the org-members index) and
 * members of other branches listed to attend here (一方隶属、多重组织生活).
 */
export async function orgLifeRoster(orgId: string): Promise<OrgLifeMember[]> {
  const [own, attached] = await Promise.all([listOrgMembers(orgId), attachedMembers(orgId)]);
  const out: OrgLifeMember[] = own.map((m) => ({ userId: m.id, name: m.name, orgId, guest: false }));
  const seen = new Set(out.map((m) => m.userId));
  for (const a of attached) if (!seen.has(a.userId)) out.push({ userId: a.userId, name: a.name, orgId: a.homeOrgId, guest: true });
  return out;
}
