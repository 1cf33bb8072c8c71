import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, ConditionalCheckFailedException } from './dynamo';
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
function idempotencyKey(scope: string, idemKey: string) {
  if (!KEY_PATTERN.test(idemKey)) {
    throw validationFailed('Idempotency-Key 格式不正确', [{ path: 'Idempotency-Key', message: '应为 8–128 个字母、数字或 . _ : - 字符' }]);
  }
  return keys.idempotency(scope, idemKey);
}

/** A key is free when it was never used, its holder crashed, or it is past its retention. */
function claimablePut(key: { pk: string; sk: string }, fields: Record<string, unknown>, now: number) {
  return {
    TableName: table(),
    Item: { ...key, ...fields, ttl: ttlIn(RETENTION_SECONDS, now) },
    ConditionExpression: 'attribute_not_exists(pk) OR (#state = :pending AND lockedUntil < :now) OR #ttl < :nowSeconds',
    ExpressionAttributeNames: { '#state': 'state', '#ttl': 'ttl' },
    ExpressionAttributeValues: { ':pending': 'pending', ':now': now, ':nowSeconds': Math.floor(now / 1000) },
  };
}

/** The answer already given for this key, or undefined when the key is free. */
async function earlierAnswer(key: { pk: string; sk: string }, requestHash: string): Promise<StoredResponse | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }));
  if (!Item) return undefined;
  if (Item.requestHash !== requestHash) throw conflict('这个 Idempotency-Key 已用于另一个请求，请换一个新的键');
  if (Item.state === 'done') return Item.response as StoredResponse;
  throw conflict('同一请求正在处理中，请稍后重试');
}

export async function beginIdempotent(scope: string, idemKey: string, requestHash: string, now = Date.now()): Promise<IdempotencyStart> {
  const key = idempotencyKey(scope, idemKey);
  try {
    await db().send(new PutCommand(claimablePut(key, { state: 'pending', requestHash, lockedUntil: now + LOCK_SECONDS * 1000 }, now)));
    return { kind: 'first', key };
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
  const response = await earlierAnswer(key, requestHash);
  return response ? { kind: 'replay', response } : beginIdempotent(scope, idemKey, requestHash, now);
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

/** A transaction found the key already answered: the caller replays that answer. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('Idempotency-Key already answered');
  }
}

/** The record of a key's answer, written in the same transaction as the effect it answers. */
export interface IdempotentWrite {
  put: ReturnType<typeof claimablePut>;
  /** Called by the store once its transaction committed. */
  written(): void;
}

/**
 * An Idempotency-Key for a route whose store writes the answer together with its effect (one
 * transaction instead of claim → write → complete). Nothing is written before: a failed request
 * leaves no trace, and of two concurrent sends one transaction wins and the other replays its answer.
 */
export class TransactionalClaim {
  private recorded = false;
  readonly key: { pk: string; sk: string };

  constructor(scope: string, idemKey: string, readonly requestHash: string, private readonly toResponse: (answer: unknown) => StoredResponse) {
    this.key = idempotencyKey(scope, idemKey);
  }

  /** The Put recording `answer` (what the handler will return) as this key's answer. */
  recording(answer: unknown, now = Date.now()): IdempotentWrite {
    return {
      put: claimablePut(this.key, { state: 'done', requestHash: this.requestHash, response: this.toResponse(answer) }, now),
      written: () => { this.recorded = true; },
    };
  }

  /** The answer an earlier request with this key got, if any (read only when this one cannot go on). */
  earlier(): Promise<StoredResponse | undefined> {
    return earlierAnswer(this.key, this.requestHash);
  }

  /** Records the answer of a request whose store wrote nothing (it found an earlier result). */
  async settle(answer: unknown): Promise<void> {
    if (this.recorded) return;
    try {
      await db().send(new PutCommand(this.recording(answer).put));
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
}
