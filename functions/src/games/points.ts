import { studyDayStart, type PointKind } from '@kaimen/shared';
import { archiveItem } from '../archive/store';
import { table } from '../lib/db';
import { pointsStep, pointRules } from '../study/points-store';
import type { Earner, TxItem } from './rank-items';

export type { Earner } from './rank-items';

/**
 * Transaction items that award `units` of a kind: the day's ledger (daily cap, optimistic), the
 * day's archive line (so the archive's yearly totals include these points) and, when points were
 * earned, the member's week, month and year totals that the rankings read through their GSIs.
 * Every Put is conditioned on what was read, so a racing award cancels the transaction and is retried.
 */
export async function earnItems(who: Earner, kind: PointKind, units: number, nowMs: number): Promise<{ award: number; items: TxItem[] }> {
  if (units <= 0) return { award: 0, items: [] };
  const step = await pointsStep(who.userId, kind, units, nowMs, who);
  const rule = pointRules()[kind];
  const items: TxItem[] = [step.put, ...step.more, {
    Put: {
      TableName: table(),
      Item: archiveItem(who.userId, {
        id: `${kind}-${step.day}`, kind: 'points', refId: `${kind}-${step.day}`, at: studyDayStart(step.day),
        title: `${step.day} ${rule.label}`, points: step.points, detail: `${rule.label}，当日上限 ${rule.dailyCap} 分`,
      }),
    },
  }];
  return { award: step.award, items };
}

