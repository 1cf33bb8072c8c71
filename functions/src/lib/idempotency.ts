import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { keys, ttlIn } from '../db/keys';
import { db, table } from './db';
import { conflict, validationFailed } from './problem';

/** How long a key is remembered (API.md: "within 24 h"). */
const RETENTION_SECONDS = 24 * 60 * 60;
/** How long a first request may hold its key before a retry may take over (a crashed Lambda frees it). */
const LOCK_SECONDS = 30;

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}

export type IdempotencyStart =
  | { kind: 'first'; key: { pk: string; sk: string } }
  | { kind: 'replay'; response: StoredResponse };

const KEY_PATTERN = /^[\w.:-]{8,128}$/;

export function fingerprint(parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('base64url');
}

/**
 * Claims an Idempotency-Key for one request. The first claim wins; a retry with the same key and
 * the same request gets the stored answer; the same key with another request is a conflict.
 */
export async function beginIdempotent(scope: string, idemKey: string, requestHash: string, now = Date.now()): Promise<IdempotencyStart> {
  if (!KEY_PATTERN.test(idemKey)) {
    throw validationFailed('Idempotency-Key 格式不正确', [{ path: 'Idempotency-Key', message: '应为 8–128 个字母、数字或 . _ : - 字符' }]);
  }
  const key = keys.idempotency(scope, idemKey);
  try {
    await db().send(new PutCommand({
      TableName: table(),
      Item: { ...key, state: 'pending', requestHash, lockedUntil: now + LOCK_SECONDS * 1000, ttl: ttlIn(RETENTION_SECONDS, now) },
      ConditionExpression: 'attribute_not_exists(pk) OR (#state = :pending AND lockedUntil < :now) OR #ttl < :nowSeconds',
      ExpressionAttributeNames: { '#state': 'state', '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':pending': 'pending', ':now': now, ':nowSeconds': Math.floor(now / 1000) },
    }));
    return { kind: 'first', key };
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }));
  if (!Item) return beginIdempotent(scope, idemKey, requestHash, now);
  if (Item.requestHash !== requestHash) throw conflict('这个 Idempotency-Key 已用于另一个请求，请换一个新的键');
  if (Item.state === 'done') return { kind: 'replay', response: Item.response as StoredResponse };
  throw conflict('同一请求正在处理中，请稍后重试');
}

export async function completeIdempotent(key: { pk: string; sk: string }, response: StoredResponse): Promise<void> {
  await db().send(new UpdateCommand({
    TableName: table(),
    Key: key,
    UpdateExpression: 'SET #state = :done, #response = :response REMOVE lockedUntil',
    ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
    ExpressionAttributeValues: { ':done': 'done', ':response': response },
  }));
}

/** A request that failed leaves no trace: the client may retry the same key. */
export async function releaseIdempotent(key: { pk: string; sk: string }): Promise<void> {
  await db().send(new DeleteCommand({ TableName: table(), Key: key }));
}
