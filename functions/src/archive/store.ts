import { PutCommand, ConditionalCheckFailedException } from '../lib/dynamo';
import type { ArchiveEntry } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';

/**
 * The member archive (学习档案) is written by every feature (study, quizzes, sessions) through
 * here. An entry's key includes its kind and reference, so writing the same event twice is a no-op.
 */
export function archiveItem(userId: string, e: ArchiveEntry) {
  return { ...keys.archiveEntry(userId, e.at, e.kind, e.refId), type: 'archive', userId, ...e };
}

/** Adds an entry unless it is there already; returns whether it was added. */
export async function addArchiveEntry(userId: string, e: ArchiveEntry): Promise<boolean> {
  try {
    await db().send(new PutCommand({ TableName: table(), Item: archiveItem(userId, e), ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

export async function listArchive(userId: string): Promise<ArchiveEntry[]> {
  const { pk, skPrefix } = keys.archivePrefix(userId);
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
  });
  return items.map(({ pk: _pk, sk: _sk, type: _type, userId: _u, ...entry }) => entry as ArchiveEntry);
}
