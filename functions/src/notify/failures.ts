import { UpdateCommand, ConditionalCheckFailedException } from '../lib/dynamo';
import type { NotifyFailures } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { stripNote, type NoteRecord } from './note';

/** Messages with a send problem (N4) in an admin's org subtree. */
async function issuesIn(orgPath: string): Promise<NoteRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': keys.notifyIssuesPartition().gsi2pk },
    ScanIndexForward: false,
  });
  return items.map(stripNote).filter((n) => n.scopePath.startsWith(orgPath));
}

/** Counts by state and reason (retrying ones are `pending` with a reason), and the latest 50 messages. */
export async function failuresIn(orgPath: string): Promise<NotifyFailures> {
  const list = await issuesIn(orgPath);
  const counts = new Map<string, { state: NonNullable<NoteRecord['sendState']>; reason: string; count: number }>();
  for (const n of list) {
    const k = `${n.sendState}|${n.reason}`;
    const c = counts.get(k) ?? { state: n.sendState!, reason: n.reason ?? '', count: 0 };
    c.count += 1;
    counts.set(k, c);
  }
  return {
    counts: [...counts.values()].sort((a, b) => b.count - a.count),
    items: list.slice(0, 50).map((n) => ({
      id: `${n.userId}#${n.id}`, kind: n.kind, state: n.sendState!, reason: n.reason ?? '', detail: n.detail ?? '', attempts: n.attempts ?? 0,
      updatedAt: n.updatedAt ?? n.createdAt, ...(n.sendState === 'pending' && n.sendAfter ? { nextAttemptAt: n.sendAfter } : {}),
    })),
  };
}

/**
 * Puts failed, uncertain and unsubscribed messages of the admin's subtree back on the due list, to be
 * sent on the next run (an uncertain one may then reach its user twice: the admin decides).
 */
export async function requeue(orgPath: string, ids: string[] | undefined, now: Date): Promise<number> {
  const wanted = ids ? new Set(ids) : undefined;
  const list = (await issuesIn(orgPath)).filter((n) => n.sendState !== 'pending' && n.sendState !== 'sending' && (!wanted || wanted.has(`${n.userId}#${n.id}`)));
  let requeued = 0;
  const at = now.toISOString();
  for (const n of list) {
    const due = keys.notifyDue(at, n.userId, n.id);
    try {
      await db().send(new UpdateCommand({
        TableName: table(), Key: keys.note(n.userId, n.id),
        UpdateExpression: 'SET sendState = :pending, attempts = :zero, gsi3pk = :dpk, gsi3sk = :dsk, sendAfter = :at, updatedAt = :at REMOVE gsi2pk, gsi2sk, reason, detail',
        ConditionExpression: 'sendState = :was',
        ExpressionAttributeValues: { ':pending': 'pending', ':zero': 0, ':dpk': due.gsi3pk, ':dsk': due.gsi3sk, ':at': at, ':was': n.sendState },
      }));
      requeued += 1;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
  return requeued;
}
