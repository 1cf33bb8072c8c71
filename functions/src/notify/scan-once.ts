import { DeleteCommand, PutCommand, ConditionalCheckFailedException } from '../lib/dynamo';
import type { Role } from '@kaimen/shared';
import { keys, ttlIn } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { emitNotification, type NotificationEvent } from './emit';

/** Roster entries (with their roles) of each org. */
export async function rosterOf(orgIds: string[]): Promise<{ id: string; roles: Role[] }[]> {
  const out: { id: string; roles: Role[] }[] = [];
  for (const orgId of [...new Set(orgIds)]) {
    const items = await queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.orgMembers(orgId).gsi1pk } });
    for (const i of items) out.push({ id: i.id as string, roles: (i.roles as Role[] | undefined) ?? [] });
  }
  return out;
}

/** Takes the scan marker (N11) of a key; false when a run already took it. */
export async function claimScan(key: string, now: Date, ttlDays = 60): Promise<boolean> {
  try {
    await db().send(new PutCommand({
      TableName: table(), Item: { ...keys.notifyScan(key), type: 'notifyScan', at: now.toISOString(), ttl: ttlIn(ttlDays * 86_400, now.getTime()) },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

/** Gives a marker back after a failure, so that the next run tries again. */
export async function releaseScan(key: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: table(), Key: keys.notifyScan(key) })).catch(() => undefined);
}

/**
 * Emits an event found by a scan once: a marker (N11) says the scan already made it, so the
 * scheduled run every few minutes does not re-emit (emitting again would be harmless, only costly).
 */
export async function once(eventKey: string, make: () => Promise<NotificationEvent | undefined>, now: Date): Promise<boolean> {
  if (!(await claimScan(eventKey, now))) return false;
  try {
    const event = await make();
    if (event && event.userIds.length > 0) await emitNotification({ ...event, at: now });
    return true;
  } catch (err) {
    // The next run tries again: the emit is idempotent, so what this one managed is not repeated.
    await releaseScan(eventKey);
    throw err;
  }
}
