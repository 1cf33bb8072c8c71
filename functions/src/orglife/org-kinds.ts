import type { Org } from '@kaimen/shared';

/**
 * The one place organisation life reads org kinds. Today's tree is province/city/county/institution/branch;
 * the contract's is bureau/institution/party_org (issue 9): both spellings are understood here.
 */
type KindOf = Pick<Org, 'kind'> | { kind: string };

const bureauKinds = new Set(['province', 'city', 'county', 'bureau']);
const partyOrgKinds = new Set(['branch', 'party_org']);

/** A Party organisation that holds organisation life (党支部, 联合党支部, 党总支, 党委). */
export function isPartyOrg(org: KindOf): boolean {
  return partyOrgKinds.has(org.kind);
}

/** A judicial-administration bureau (司法厅/局) that files monthly reports and sets tasks. */
export function isBureau(org: KindOf): boolean {
  return bureauKinds.has(org.kind);
}

export function isInstitution(org: KindOf): boolean {
  return org.kind === 'institution';
}

/** The province an org belongs to: the first id of its materialised path (`/jn/lj/` → `jn`). */
export function provinceIdOf(orgPath: string): string {
  return orgPath.split('/').filter(Boolean)[0] ?? '';
}

/** Ids of the org's ancestors and itself, root first. */
export function pathIds(orgPath: string): string[] {
  return orgPath.split('/').filter(Boolean);
}
