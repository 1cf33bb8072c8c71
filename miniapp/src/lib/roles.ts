import type { Role } from '@kaimen/shared';

/** How roles read in the UI. */
export const roleLabels: Record<Role, string> = {
  member: '党员',
  secretary: '支部书记',
  admin: '管理员',
};

export function describeRoles(roles: readonly Role[]): string {
  return roles.length > 0 ? roles.map((r) => roleLabels[r]).join('、') : '未绑定党员身份';
}
