import { roleLabels, type Role } from '@kaimen/shared';

export { roleLabels };

export function describeRoles(roles: readonly Role[]): string {
  return roles.length > 0 ? roles.map((r) => roleLabels[r]).join('、') : '未绑定党员身份';
}
