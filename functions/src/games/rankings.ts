import { GetCommand, QueryCommand } from '../lib/dynamo';
import { periodsOf, type RankPeriod, type RankScope, type Ranking } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { member } from './member';
import { rankOrgs, scopeIndex } from './scope';
import type { Principal } from '../lib/tokens';

const TOP = 50;

/**
 * The top of a ranking: one Query of the scope's index, newest totals sorted by points, read
 * descending with a limit. Nothing is scanned and nothing is summed at read time: each award
 * already updated the member's week, month and year totals (see points.ts).
 */
export async function rankingOf(p: Principal, scope: RankScope, period: RankPeriod, now: Date): Promise<Ranking> {
  const m = member(p);
  const periodKey = `${period}#${periodsOf(now.getTime())[period]}`;
  const orgId = (await rankOrgs(m.orgPath))[scope] ?? null;
  const mineP = db().send(new GetCommand({ TableName: table(), Key: keys.periodPoints(m.userId, periodKey) }));
  const index = scopeIndex[scope];
  const page = orgId
    ? await db().send(new QueryCommand({
        TableName: table(), IndexName: index, Limit: TOP, ScanIndexForward: false,
        KeyConditionExpression: `${index}pk = :pk`, ExpressionAttributeValues: { ':pk': keys.rankPartition(orgId, periodKey) },
      }))
    : { Items: [] };
  const items = (page.Items ?? []).map((i, n) => ({ rank: n + 1, userId: i.userId as string, name: i.name as string, points: i.points as number }));
  // Equal points share a rank.
  for (let n = 1; n < items.length; n++) if (items[n]!.points === items[n - 1]!.points) items[n]!.rank = items[n - 1]!.rank;
  const mine = ((await mineP).Item?.points as number | undefined) ?? 0;
  return { scope, period, periodKey: periodKey.split('#')[1]!, orgId, items, mine };
}
