import { BatchGetCommand } from '../lib/dynamo';
import { bureauLevelOf, isBranch, isInstitution, type RankScope } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';

/** The orgs a member's points rank in: their branch, institution and bureau (the nearest county or city bureau). */
export type RankOrgs = Partial<Record<RankScope, string>>;

const cache = new Map<string, RankOrgs>();

/** Ancestor ids of an org path, root first (`/jn/lj/x/` → jn, lj, x). */
export function pathIds(orgPath: string): string[] {
  return orgPath.split('/').filter(Boolean);
}

/** Resolves the rank orgs of a path from the kinds of its orgs (one BatchGet, then cached: the tree rarely changes). */
export async function rankOrgs(orgPath: string): Promise<RankOrgs> {
  const hit = cache.get(orgPath);
  if (hit) return hit;
  const ids = pathIds(orgPath);
  const { Responses } = await db().send(new BatchGetCommand({
    RequestItems: {
      [table()]: {
        Keys: ids.map((id) => keys.org(id)),
        ProjectionExpression: '#id, #kind, #level, #pot',
        ExpressionAttributeNames: { '#id': 'id', '#kind': 'kind', '#level': 'bureauLevel', '#pot': 'partyOrgType' },
      },
    },
  }));
  const orgs = new Map((Responses?.[table()] ?? []).map((o) => [o.id as string, o as { kind: string; bureauLevel?: string; partyOrgType?: string }]));
  const out: RankOrgs = {};
  for (const id of ids) {
    const org = orgs.get(id);
    if (!org) continue;
    if (isBranch(org)) out.branch = id;
    if (isInstitution(org)) out.institution = id;
    const level = bureauLevelOf(org);
    if (level === 'county' || level === 'city') out.bureau = id;
  }
  cache.set(orgPath, out);
  return out;
}

export const scopeIndex: Record<RankScope, 'gsi1' | 'gsi2' | 'gsi3'> = { branch: 'gsi1', institution: 'gsi2', bureau: 'gsi3' };
