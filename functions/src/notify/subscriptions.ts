import { GetCommand, UpdateCommand } from '../lib/dynamo';
import { kindInfo, notificationKinds, templateKeys, type NotificationKind, type NotificationSettings, type TemplateKey } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { templateIds } from './settings';

/** A one-time subscription allows one message; credits beyond this are not kept (WeChat keeps no more either). */
const MAX_CREDITS = 50;

export async function settingsOf(userId: string): Promise<NotificationSettings> {
  const [{ Item }, templates] = await Promise.all([
    db().send(new GetCommand({ TableName: table(), Key: keys.notifySettings(userId), ConsistentRead: true })),
    templateIds(),
  ]);
  const off = new Set((Item?.off as string[] | undefined) ?? []);
  const stored = (Item?.credits as Record<string, number> | undefined) ?? {};
  const credits = Object.fromEntries(templateKeys.map((k) => [k, Math.max(0, stored[k] ?? 0)])) as Record<TemplateKey, number>;
  return {
    templates,
    kinds: notificationKinds.map((kind) => ({ kind, label: kindInfo[kind].label, enabled: !off.has(kind) })),
    credits,
  };
}

export async function setOff(userId: string, off: NotificationKind[]): Promise<void> {
  await db().send(new UpdateCommand({
    TableName: table(), Key: keys.notifySettings(userId),
    UpdateExpression: 'SET #off = :off, credits = if_not_exists(credits, :empty)',
    ExpressionAttributeNames: { '#off': 'off' }, ExpressionAttributeValues: { ':off': [...new Set(off)], ':empty': {} },
  }));
}

/** Each accepted one-time subscription (wx.requestSubscribeMessage → `accept`) allows one more message of its group. */
export async function addCredits(userId: string, accepted: TemplateKey[]): Promise<void> {
  if (accepted.length === 0) return;
  await db().send(new UpdateCommand({
    TableName: table(), Key: keys.notifySettings(userId),
    UpdateExpression: 'SET credits = if_not_exists(credits, :empty), #off = if_not_exists(#off, :none)',
    ExpressionAttributeNames: { '#off': 'off' }, ExpressionAttributeValues: { ':empty': {}, ':none': [] },
  }));
  const counts = new Map<TemplateKey, number>();
  for (const k of accepted) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const [k, n] of counts) {
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.notifySettings(userId),
      UpdateExpression: 'SET credits.#k = if_not_exists(credits.#k, :zero) + :n',
      ConditionExpression: 'attribute_not_exists(credits.#k) OR credits.#k < :max',
      ExpressionAttributeNames: { '#k': k }, ExpressionAttributeValues: { ':zero': 0, ':n': n, ':max': MAX_CREDITS },
    })).catch((err: Error) => {
      if (err.name !== 'ConditionalCheckFailedException') throw err;
    });
  }
}
