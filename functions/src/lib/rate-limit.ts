import { UpdateCommand, ConditionalCheckFailedException } from './dynamo';
import { keys } from '../db/keys';
import { db, table } from './db';
import { config } from './config';
import { rateLimited, type HttpProblem } from './problem';

/** One client's counter in one bucket for the current window, as a write that fails once the limit is reached. */
export interface RateWindow {
  /** The counter's UpdateItem, for sending alone or inside a transaction. */
  update: { TableName: string; Key: { pk: string; sk: string }; UpdateExpression: string; ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> };
  /** The 429 to answer when the counter's condition failed. */
  refused(): HttpProblem;
}

/**
 * Fixed-window counter held in the table: at most `limit` calls per `windowSeconds` for one
 * client in one bucket. The counter expires by TTL a window after it closes.
 */
export function rateWindow(bucket: string, client: string, limit: number, windowSeconds: number, now = Date.now(), what?: string): RateWindow {
  const windowMs = windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  return {
    update: {
      TableName: table(),
      Key: keys.rateWindow(bucket, client, windowStart),
      UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': Math.floor((windowStart + 2 * windowMs) / 1000) },
    },
    refused: () => rateLimited((windowStart + windowMs - now) / 1000, what),
  };
}

export async function consumeRate(bucket: string, client: string, limit: number, windowSeconds: number, now = Date.now(), what?: string): Promise<void> {
  const counter = rateWindow(bucket, client, limit, windowSeconds, now, what);
  try {
    await db().send(new UpdateCommand(counter.update));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw counter.refused();
    throw err;
  }
}

/**
 * One try at a secret code (a binding code, a check-in code) by one user: at most a configured number
 * per window, so codes cannot be guessed by trying them one after another.
 */
export async function consumeCodeAttempt(bucket: string, userId: string, now: number): Promise<void> {
  const { perWindow, windowSeconds } = config().codeAttempts;
  await consumeRate(bucket, `u:${userId}`, perWindow, windowSeconds, now, '尝试次数过多');
}
