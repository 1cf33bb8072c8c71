import { GetCommand, PutCommand, TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import type { Reflection } from '@kaimen/shared';
import { archiveItem } from '../archive/store';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict } from '../lib/problem';
import { pointsStep } from './points-store';

export interface ReflectionRecord extends Reflection {
  orgPath: string;
}

function reflectionItem(r: ReflectionRecord) {
  return {
    ...keys.reflection(r.id),
    ...keys.lessonReflections(r.lessonId),
    ...keys.lessonReflectionSort(r.status, r.createdAt, r.id),
    ...(r.status === 'pending' ? { ...keys.reflectionsPending(), ...keys.reflectionPendingSort(r.orgPath, r.createdAt, r.id) } : {}),
    type: 'reflection',
    ...r,
  };
}

const strip = (item: Record<string, unknown>) => {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, type: _t, ...rest } = item;
  return rest as unknown as ReflectionRecord;
};

export function publicReflection(r: ReflectionRecord): Reflection {
  const { orgPath: _p, ...rest } = r;
  return rest;
}

export async function createReflection(r: ReflectionRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: reflectionItem(r), ConditionExpression: 'attribute_not_exists(pk)' }));
}

export async function getReflection(id: string): Promise<ReflectionRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.reflection(id), ConsistentRead: true }));
  return Item ? strip(Item) : undefined;
}

async function queryRecords(input: Parameters<typeof queryAll>[0]): Promise<ReflectionRecord[]> {
  return (await queryAll(input)).map(strip);
}

/** A lesson's reflections a member may read: the approved ones of their own branch, and their own. */
export async function reflectionsForMember(lessonId: string, userId: string, orgPath: string): Promise<ReflectionRecord[]> {
  const all = await queryRecords({
    TableName: table(), IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.lessonReflections(lessonId).gsi1pk },
    ScanIndexForward: false,
  });
  return all.filter((r) => r.userId === userId || (r.status === 'approved' && r.orgPath === orgPath));
}

/** Reflections waiting for review inside a secretary's or admin's subtree, oldest first. */
export async function pendingReflections(orgPath: string): Promise<ReflectionRecord[]> {
  return queryRecords({
    TableName: table(), IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':pk': keys.reflectionsPending().gsi2pk, ':path': orgPath },
  });
}

/**
 * Records the secretary's decision once (only a pending reflection can be reviewed). Approval puts
 * the reflection in the author's archive with its points, in the same transaction.
 */
export async function reviewReflection(r: ReflectionRecord, approve: boolean, note: string | undefined, now: Date): Promise<ReflectionRecord> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const reviewed: ReflectionRecord = {
      ...r, status: approve ? 'approved' : 'rejected', reviewedAt: now.toISOString(), ...(note ? { reviewNote: note } : {}),
    };
    const items: object[] = [{
      Put: {
        TableName: table(), Item: reflectionItem(reviewed),
        ConditionExpression: '#status = :pending', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':pending': 'pending' },
      },
    }];
    if (approve) {
      const step = await pointsStep(r.userId, 'reflection', 1, now.getTime());
      items.push(step.put, ...step.more, {
        Put: {
          TableName: table(),
          Item: archiveItem(r.userId, {
            id: `reflection-${r.id}`, kind: 'reflection', refId: r.id, at: reviewed.reviewedAt!, title: `学习心得：${r.lessonTitle}`,
            points: step.award, detail: r.text.slice(0, 60),
          }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items as never }));
      return reviewed;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const current = await getReflection(r.id);
      if (!current || current.status !== 'pending') throw conflict('这条心得已经审核过了');
    }
  }
  throw conflict('审核正在被同时处理，请稍后再试');
}
