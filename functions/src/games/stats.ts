import { GetCommand, UpdateCommand } from '../lib/dynamo';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';

export interface GameStats {
  dailyStreak?: number;
  lastDailyDay?: string;
  challengeBest?: number;
  activeRunId?: string;
  /** Ids of questions the member has been shown, so new ones come first. */
  seen?: Set<string>;
}

export async function getStats(userId: string): Promise<GameStats> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.gameStats(userId), ConsistentRead: true }));
  return (Item ?? {}) as GameStats;
}

/** Marks questions as seen (a string set: adding is idempotent and needs no read). */
export async function markSeen(userId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db().send(new UpdateCommand({
    TableName: table(), Key: keys.gameStats(userId), UpdateExpression: 'SET #type = :t ADD seen :ids',
    ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':t': 'gameStats', ':ids': new Set(ids) },
  }));
}
