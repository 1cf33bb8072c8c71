import { QueryCommand } from '../lib/dynamo';
import type { Role } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { orgsUnder, type OrgRecord } from '../org/store';

export interface RosterMember {
  id: string;
  name: string;
  roles: Role[];
  orgId: string;
}

/** Party members (members and secretaries) on an org's roster. */
export async function listOrgMembers(orgId: string): Promise<RosterMember[]> {
  const out: RosterMember[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.orgMembers(orgId).gsi1pk },
      ExclusiveStartKey: start,
    }));
    for (const i of page.Items ?? []) {
      const roles = (i.roles as Role[] | undefined) ?? [];
      if (roles.includes('member') || roles.includes('secretary')) out.push({ id: i.id as string, name: i.name as string, roles, orgId });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** An org and everything under it, in one Query over the subtree (a province holds a few thousand orgs at most). */
export async function subtree(root: OrgRecord): Promise<OrgRecord[]> {
  return [root, ...(await orgsUnder(root.path)).filter((o) => o.id !== root.id)];
}
