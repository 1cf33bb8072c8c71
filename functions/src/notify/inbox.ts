import { GetCommand, QueryCommand, TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import type { Notification, NotificationPage } from '@kaimen/shared';
import { keys } from '../db/keys';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { db, table } from '../lib/db';
import { stripNote, type NoteRecord } from './note';

export function notificationOf(n: NoteRecord): Notification {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt, ...(n.readAt ? { readAt: n.readAt } : {}) };
}

export async function unreadOf(userId: string): Promise<number> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.unreadCounter(userId), ConsistentRead: true }));
  return Math.max(0, (Item?.count as number | undefined) ?? 0);
}

/** One page of a user's inbox (N2), newest first, with the unread count (N5). */
export async function inboxPage(userId: string, limit: number, cursor?: string): Promise<NotificationPage> {
  const [page, unread] = await Promise.all([
    db().send(new QueryCommand({
      TableName: table(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.inbox(userId).gsi1pk }, ScanIndexForward: false, Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk', 'gsi1pk', 'gsi1sk']),
    })),
    unreadOf(userId),
  ]);
  return { items: (page.Items ?? []).map((it) => notificationOf(stripNote(it))), nextCursor: encodeCursor(page.LastEvaluatedKey), unread };
}

/**
 * Marks the user's own messages read: each message and the unread count change together, so the
 * badge never drifts. Unknown ids, other users' ids and messages already read change nothing.
 */
export async function markRead(userId: string, ids: string[], at: string): Promise<number> {
  await Promise.all([...new Set(ids)].map(async (id) => {
    try {
      await db().send(new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(), Key: keys.note(userId, id), UpdateExpression: 'SET readAt = :at',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)', ExpressionAttributeValues: { ':at': at },
            },
          },
          {
            Update: {
              TableName: table(), Key: keys.unreadCounter(userId), UpdateExpression: 'ADD #n :minus',
              ConditionExpression: '#n > :zero', ExpressionAttributeNames: { '#n': 'count' }, ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
            },
          },
        ],
      }));
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
    }
  }));
  return unreadOf(userId);
}
