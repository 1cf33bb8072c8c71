import { isActive, orgsUnder, type OrgRecord } from '../org/store';
import { isPartyOrg } from './org-kinds';

/**
 * Every active party org at or under an org path, in path order: one paged Query of the org subtree index,
 * kept to Party orgs. (An org item has one gsi2 key, the subtree index, which the census, moves and
 * the study report also read; a second partition for Party orgs would take that key from them.)
 */
export async function partyOrgsUnder(orgPath: string): Promise<OrgRecord[]> {
  return (await orgsUnder(orgPath)).filter((o) => isPartyOrg(o) && isActive(o));
}
