import { keys } from '../db/keys';
import { queryAll } from '../lib/db';
import type { OrgRecord } from '../org/store';

/** Every party org at or under an org path, in path order: one paged Query of the party-org index. */
export async function partyOrgsUnder(orgPath: string): Promise<OrgRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.partyOrgsPartition().gsi2pk, ':p': orgPath },
  });
  return items.map((i) => ({
    id: i.id as string, name: i.name as string, kind: i.kind as OrgRecord['kind'], parentId: (i.parentId as string | null) ?? null, path: i.path as string,
  }));
}
