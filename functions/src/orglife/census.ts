import { QueryCommand } from '../lib/dynamo';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import type { OrgRecord } from '../org/store';
import { isInstitution } from './org-kinds';

export interface Coverage { institutions: number; partyOrgs: number; members: number }

async function countMembers(orgId: string): Promise<number> {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', Select: 'COUNT',
      ExpressionAttributeValues: { ':pk': keys.orgMembers(orgId).gsi1pk }, ExclusiveStartKey: start,
    }));
    n += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return n;
}

/**
 * Organisation coverage of a bureau for the monthly report: its active party orgs, the institutions
 * they cover (a joint branch covers each of its `institutionIds`, as the census counts them; rows
 * without them cover the institution they sit in), and their rostered members.
 */
export async function coverageOf(_bureau: OrgRecord, partyOrgs: OrgRecord[], parents: Map<string, { kind: string }>): Promise<Coverage> {
  const institutions = new Set<string>();
  for (const o of partyOrgs) {
    if (o.institutionIds?.length) o.institutionIds.forEach((id) => institutions.add(id));
    else if (o.parentId && isInstitution({ kind: parents.get(o.parentId)?.kind ?? '' })) institutions.add(o.parentId);
  }
  let members = 0;
  for (let i = 0; i < partyOrgs.length; i += 16) {
    const counts = await Promise.all(partyOrgs.slice(i, i + 16).map((o) => countMembers(o.id)));
    members += counts.reduce((a, b) => a + b, 0);
  }
  return { institutions: institutions.size, partyOrgs: partyOrgs.length, members };
}
