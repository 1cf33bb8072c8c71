import { BatchGetCommand } from '../lib/dynamo';
import { periodsOf, rankPeriods, rankSortKey } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { rankOrgs, scopeIndex } from './scope';

export interface Earner {
  userId: string;
  name: string;
  orgPath: string;
}

export type TxItem = Record<string, unknown>;

/**
 * Transaction items adding `award` points to the member's week, month and year totals. Each total
 * carries the rank index keys of the member's branch (gsi1), institution (gsi2) and bureau (gsi3),
 * sorted by points, and is conditioned on the version read, so racing awards retry instead of losing points.
 */
export async function periodItems(who: Earner, award: number, nowMs: number): Promise<TxItem[]> {
  if (award <= 0) return [];
  const periods = periodsOf(nowMs);
  const periodKeys = rankPeriods.map((p) => `${p}#${periods[p]}`);
  const [orgs, { Responses }] = await Promise.all([
    rankOrgs(who.orgPath),
    db().send(new BatchGetCommand({
      RequestItems: { [table()]: { Keys: periodKeys.map((k) => keys.periodPoints(who.userId, k)), ConsistentRead: true } },
    })),
  ]);
  const byKey = new Map((Responses?.[table()] ?? []).map((i) => [i.sk as string, i]));
  return periodKeys.map((period) => {
    const key = keys.periodPoints(who.userId, period);
    const prev = byKey.get(key.sk);
    const points = ((prev?.points as number | undefined) ?? 0) + award;
    const version = (prev?.version as number | undefined) ?? 0;
    const index: Record<string, string> = {};
    for (const [scope, orgId] of Object.entries(orgs)) {
      const gsi = scopeIndex[scope as keyof typeof scopeIndex];
      index[`${gsi}pk`] = keys.rankPartition(orgId, period);
      index[`${gsi}sk`] = rankSortKey(points);
    }
    return {
      Put: {
        TableName: table(),
        Item: { ...key, ...index, type: 'periodPoints', userId: who.userId, name: who.name, period, points, version: version + 1 },
        ConditionExpression: prev ? 'version = :v' : 'attribute_not_exists(pk)',
        ...(prev ? { ExpressionAttributeValues: { ':v': version } } : {}),
      },
    };
  });
}
