import { forbidden } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import type { Earner } from './points';

/** The caller as a bound member: games need an org (for the banks and the rankings). */
export function member(p: Principal): Earner & { orgId: string } {
  if (!p.orgId || !p.orgPath) throw forbidden('请先绑定党员身份后再参加答题');
  return { userId: p.userId, name: p.name, orgPath: p.orgPath, orgId: p.orgId };
}
