import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { periodsOf, rankPeriods, rankSortKey, studyDayStart, type PointKind } from '@kaimen/shared';
import { archiveItem } from '../archive/store';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { pointsStep, pointRules } from '../study/points-store';
import { rankOrgs, scopeIndex } from './scope';

export interface Earner {
  userId: string;
  name: string;
  orgPath: string;
}

type TxItem = Record<string, unknown>;

/**
 * Transaction items that award `units` of a kind: the day's ledger (daily cap, optimistic), the
 * day's archive line (so the archive's yearly totals include these points) and, when points were
 * earned, the member's week, month and year totals that the rankings read through their GSIs.
 * Every Put is conditioned on what was read, so a racing award cancels the transaction and is retried.
 */
export async function earnItems(who: Earner, kind: PointKind, units: number, nowMs: number): Promise<{ award: number; items: TxItem[] }> {
  if (units <= 0) return { award: 0, items: [] };
  const step = await pointsStep(who.userId, kind, units, nowMs);
  const rule = pointRules()[kind];
  const items: TxItem[] = [step.put, {
    Put: {
      TableName: table(),
      Item: archiveItem(who.userId, {
        id: `${kind}-${step.day}`, kind: 'points', refId: `${kind}-${step.day}`, at: studyDayStart(step.day),
        title: `${step.day} ${rule.label}`, points: step.points, detail: `${rule.label}，当日上限 ${rule.dailyCap} 分`,
      }),
    },
  }];
  if (step.award > 0) items.push(...(await periodItems(who, step.award, nowMs)));
  return { award: step.award, items };
}

async function periodItems(who: Earner, award: number, nowMs: number): Promise<TxItem[]> {
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
