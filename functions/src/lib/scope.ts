import { isWithin } from '@kaimen/shared';
import type { Principal } from './tokens';
import { forbidden } from './problem';

/** An admin or secretary acts on their own org and what lies under it, never on a sibling. */
export function inScope(principal: Principal, orgPath: string): boolean {
  return principal.orgPath !== null && isWithin(orgPath, principal.orgPath);
}

export function assertInScope(principal: Principal, orgPath: string, detail = '这不在您所管理的组织范围内'): void {
  if (!inScope(principal, orgPath)) throw forbidden(detail);
}
