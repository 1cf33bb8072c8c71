import { QueryCommand } from '@aws-sdk/lib-dynamodb';
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
 * Organisation coverage of a bureau for the monthly report: the one place the report reads the census.
 * Today it counts what exists (party orgs, the institutions holding them, their rostered members);
 * point it at the census roll-up (GET /admin/orgs/{orgId}/coverage) once that keeps per-level figures.
 */
export async function coverageOf(_bureau: OrgRecord, partyOrgs: OrgRecord[], parents: Map<string, { kind: string }>): Promise<Coverage> {
  const institutions = new Set(partyOrgs.map((o) => o.parentId).filter((id): id is string => !!id && isInstitution({ kind: parents.get(id)?.kind ?? '' })));
  let members = 0;
  for (let i = 0; i < partyOrgs.length; i += 16) {
    const counts = await Promise.all(partyOrgs.slice(i, i + 16).map((o) => countMembers(o.id)));
    members += counts.reduce((a, b) => a + b, 0);
  }
  return { institutions: institutions.size, partyOrgs: partyOrgs.length, members };
}
