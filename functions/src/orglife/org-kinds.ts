/**
 * The one place organisation life reads org kinds: the shared accessors of the org model (bureau /
 * institution / party_org, with the older province/city/county/branch spellings understood there).
 */
export { isBureau, isInstitution, isPartyOrg } from '@kaimen/shared';

/** The province an org belongs to: the first id of its materialised path (`/jn/lj/` → `jn`). */
export function provinceIdOf(orgPath: string): string {
  return orgPath.split('/').filter(Boolean)[0] ?? '';
}

/** Ids of the org's ancestors and itself, root first. */
export function pathIds(orgPath: string): string[] {
  return orgPath.split('/').filter(Boolean);
}
