import type { Access, Role } from '../api/route';

const rank: Record<Role, number> = { member: 1, secretary: 2, admin: 3 };

/** Whether a user holding `held` roles may use a route open to `access` (roles are ordered: admin ⊃ secretary ⊃ member). */
export function allows(access: Access, held: readonly Role[], signedIn: boolean): boolean {
  if (access === 'public') return true;
  if (!signedIn) return false;
  if (access === 'user') return true;
  return held.some((r) => rank[r] >= rank[access]);
}

/** How roles read in the UI (phone and PC). */
export const roleLabels: Record<Role, string> = {
  member: '党员',
  secretary: '支部书记',
  admin: '管理员',
};

/**
 * Who a roster entry signs in as. A person who has left the roster (`active: false`) keeps their
 * WeChat binding, but only as an ordinary WeChat user: no roles, no org, whatever the entry held.
 */
export function signInIdentity<U extends { roles: Role[]; orgId: string | null; orgPath: string | null; active?: boolean }>(u: U): U {
  return u.active === false ? { ...u, roles: [], orgId: null, orgPath: null } : u;
}
