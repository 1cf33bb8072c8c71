import { GetCommand } from '../lib/dynamo';
import { periodItems, type Earner, type TxItem } from '../games/rank-items';
import { parsePointRules, pointsAwarded, studyDay, type PointKind, type PointRules } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';

let rules: PointRules | undefined;

/** The point rules in force: the defaults, or STUDY_POINT_RULES (JSON) where it sets them. */
export function pointRules(): PointRules {
  rules ??= parsePointRules(process.env.STUDY_POINT_RULES);
  return rules;
}

export interface PointsStep {
  award: number;
  /** The day's units and points for this kind after the step. */
  units: number;
  points: number;
  day: string;
  /** A transaction item that writes the day's ledger, failing if someone else wrote it meanwhile. */
  put: { Put: { TableName: string; Item: Record<string, unknown>; ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> } };
  /** The member's week, month and year totals that the rankings read (empty when nothing was earned): put them in the same transaction. */
  more: TxItem[];
}

/**
 * Reads a member's ledger of one kind for the day and works out what `added` units earn under the
 * rule's daily cap. The returned Put is conditioned on the ledger being unchanged (optimistic), so
 * two racing requests can never both spend the same headroom.
 */
export async function pointsStep(userId: string, kind: PointKind, added: number, nowMs: number, who?: Earner): Promise<PointsStep> {
  const day = studyDay(nowMs);
  const key = keys.dayPoints(userId, day, kind);
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }));
  const before = (Item?.units as number | undefined) ?? 0;
  const pointsBefore = (Item?.points as number | undefined) ?? 0;
  const version = (Item?.version as number | undefined) ?? 0;
  const award = pointsAwarded(pointRules()[kind], before, added);
  const units = before + added;
  const earner = award > 0 ? (who ?? (await earnerOf(userId))) : undefined;
  return {
    award, units, points: pointsBefore + award, day, more: earner ? await periodItems(earner, award, nowMs) : [],
    put: {
      Put: {
        TableName: table(),
        Item: { ...key, type: 'dayPoints', userId, day, kind, units, points: pointsBefore + award, version: version + 1 },
        ConditionExpression: Item ? 'version = :v' : 'attribute_not_exists(pk)',
        ...(Item ? { ExpressionAttributeValues: { ':v': version } } : {}),
      },
    },
  };
}

/** Name and org of a member, for the ranking totals (members without an org are not ranked). */
async function earnerOf(userId: string): Promise<Earner | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.user(userId), ProjectionExpression: '#n, orgPath', ExpressionAttributeNames: { '#n': 'name' } }));
  return Item?.orgPath ? { userId, name: Item.name as string, orgPath: Item.orgPath as string } : undefined;
}
