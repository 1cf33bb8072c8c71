import { GetCommand, TransactWriteCommand, UpdateCommand, TransactionCanceledException } from '../lib/dynamo';
import type { TallyRun } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';

/**
 * A run holds its campaign's lease (pattern T2) while it works and renews it at every step; a lease
 * not renewed for this long belongs to a run that died (a Lambda killed half way) and may be taken.
 */
export const LEASE_MS = 3 * 60_000;
const KEEP_RUNS_DAYS = 30;

function strip(row: Record<string, unknown>): TallyRun {
  const { pk: _a, sk: _b, type: _t, ttl: _l, ...rest } = row;
  return rest as unknown as TallyRun;
}

/** The campaign's lease, if any run holds it (live or not). */
async function getLease(campaignId: string): Promise<{ runId: string; renewedAt: number } | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.tallyLease(campaignId), ConsistentRead: true }));
  return Item ? { runId: Item.runId as string, renewedAt: Item.renewedAt as number } : undefined;
}

/** The campaign's lease while its run still renews it. */
async function liveLease(campaignId: string, now: Date): Promise<{ runId: string } | undefined> {
  const lease = await getLease(campaignId);
  return lease && lease.renewedAt >= now.getTime() - LEASE_MS ? lease : undefined;
}

export async function getRun(runId: string): Promise<TallyRun | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.tallyRun(runId), ConsistentRead: true }));
  return Item ? strip(Item) : undefined;
}

/**
 * Takes the campaign's lease for a new run and records the run (queued), in one transaction: it
 * succeeds only when no live run holds the lease. Otherwise answers the run that holds it.
 */
export async function claimRun(campaignId: string, runId: string, total: number, now: Date): Promise<{ run: TallyRun; started: boolean }> {
  const at = now.toISOString();
  const run: TallyRun = { runId, campaignId, status: 'queued', total, processed: 0, newItems: 0, updatedItems: 0, startedAt: at };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db().send(new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(), Item: { ...keys.tallyLease(campaignId), type: 'tallyLease', runId, renewedAt: now.getTime() },
              ConditionExpression: 'attribute_not_exists(pk) OR renewedAt < :stale',
              ExpressionAttributeValues: { ':stale': now.getTime() - LEASE_MS },
            },
          },
          { Put: { TableName: table(), Item: { ...keys.tallyRun(runId), type: 'tallyRun', ttl: ttlOf(now), ...run } } },
        ],
      }));
      return { run, started: true };
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
    }
    const lease = await getLease(campaignId);
    const holder = lease ? await getRun(lease.runId) : undefined;
    if (holder) return { run: holder, started: false };
    // The lease was released between our write and our read: try again.
  }
  throw new Error(`could not claim the tally lease of ${campaignId}`);
}

/** `processed` and `status` are reserved words of DynamoDB expressions. */
const COUNT_NAMES = { '#s': 'status', '#p': 'processed', '#n': 'newItems', '#u': 'updatedItems' };

/** What an admin reads of a run that stopped without ending (its Lambda killed, its hand-over lost). */
export const ABANDONED_RUN_ERROR = '归并任务中断，已完成的部分已保存，请重新归并';

/**
 * The run as an admin reads it. A run still queued or running whose campaign lease it no longer holds,
 * or has not renewed for LEASE_MS, will never end by itself: it is recorded failed (only if it has
 * not ended meanwhile), so that a progress bar never waits for ever. A run that was only slow and
 * wakes up after that finds itself failed and stops (recordProgress).
 */
export async function readRun(runId: string, now: Date): Promise<TallyRun | undefined> {
  const run = await getRun(runId);
  if (!run || (run.status !== 'queued' && run.status !== 'running')) return run;
  if ((await liveLease(run.campaignId, now))?.runId === runId) return run;
  try {
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.tallyRun(runId),
      UpdateExpression: 'SET #s = :failed, #e = :e, #f = :f',
      ConditionExpression: '#s IN (:q, :r)',
      ExpressionAttributeNames: { '#s': 'status', '#e': 'error', '#f': 'finishedAt' },
      ExpressionAttributeValues: { ':failed': 'failed', ':e': ABANDONED_RUN_ERROR, ':f': now.toISOString(), ':q': 'queued', ':r': 'running' },
    }));
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
  }
  return getRun(runId);
}

/** The campaign's run going on now (holding a live lease), if any. */
export async function currentRun(campaignId: string, now: Date): Promise<TallyRun | undefined> {
  const lease = await liveLease(campaignId, now);
  if (!lease) return undefined;
  const run = await getRun(lease.runId);
  return run && (run.status === 'queued' || run.status === 'running') ? run : undefined;
}

/**
 * Takes the run for its `n`th invocation (1 for the first): only if it has not ended and its last
 * invocation was the `n - 1`th. An asynchronous invocation may be delivered twice; the second copy
 * finds the run taken and does nothing, so two invocations never work on one run at once.
 */
export async function claimInvocation(runId: string, n: number): Promise<boolean> {
  try {
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.tallyRun(runId),
      UpdateExpression: 'SET #i = :n',
      ConditionExpression: `#s IN (:q, :r) AND ${n === 1 ? 'attribute_not_exists(#i)' : '#i = :prev'}`,
      ExpressionAttributeNames: { '#i': 'invocations', '#s': 'status' },
      ExpressionAttributeValues: { ':n': n, ':q': 'queued', ':r': 'running', ...(n === 1 ? {} : { ':prev': n - 1 }) },
    }));
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/** Records progress and renews the lease (only while this run still holds it). */
export async function recordProgress(run: TallyRun, now: Date): Promise<void> {
  await db().send(new TransactWriteCommand({
    TransactItems: [
      {
        Update: {
          TableName: table(), Key: keys.tallyLease(run.campaignId), UpdateExpression: 'SET renewedAt = :now',
          ConditionExpression: 'runId = :run', ExpressionAttributeValues: { ':now': now.getTime(), ':run': run.runId },
        },
      },
      {
        Update: {
          TableName: table(), Key: keys.tallyRun(run.runId),
          UpdateExpression: 'SET #s = :s, #p = :p, #n = :n, #u = :u, #i = :i',
          // A run an admin was told had failed (readRun) stays failed.
          ConditionExpression: '#s <> :failed',
          ExpressionAttributeNames: { ...COUNT_NAMES, '#i': 'invocations' },
          ExpressionAttributeValues: { ':s': run.status, ':p': run.processed, ':n': run.newItems, ':u': run.updatedItems, ':i': run.invocations ?? 1, ':failed': 'failed' },
        },
      },
    ],
  }));
}

/** Ends a run (done or failed) and releases its campaign's lease. */
export async function finishRun(run: TallyRun, now: Date): Promise<void> {
  const names: Record<string, string> = { ...COUNT_NAMES, '#t': 'total', '#f': 'finishedAt' };
  const values: Record<string, unknown> = {
    ':s': run.status, ':p': run.processed, ':n': run.newItems, ':u': run.updatedItems, ':t': run.total, ':f': now.toISOString(),
  };
  let set = 'SET #s = :s, #p = :p, #n = :n, #u = :u, #t = :t, #f = :f';
  if (run.error) {
    set += ', #e = :e';
    names['#e'] = 'error';
    values[':e'] = run.error;
  }
  await db().send(new UpdateCommand({ TableName: table(), Key: keys.tallyRun(run.runId), UpdateExpression: set, ExpressionAttributeNames: names, ExpressionAttributeValues: values }));
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [{
        Delete: { TableName: table(), Key: keys.tallyLease(run.campaignId), ConditionExpression: 'runId = :run', ExpressionAttributeValues: { ':run': run.runId } },
      }],
    }));
  } catch (err) {
    // Another run took over a lease this one let go stale: it is theirs now.
    if (!(err instanceof TransactionCanceledException)) throw err;
  }
}

function ttlOf(now: Date): number {
  return Math.floor(now.getTime() / 1000) + KEEP_RUNS_DAYS * 86_400;
}
