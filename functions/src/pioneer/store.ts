import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, ConditionalCheckFailedException, TransactionCanceledException } from '../lib/dynamo';
import type { PostKind, PostLevel, PostStatus } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict } from '../lib/problem';

export interface PostRecord {
  id: string;
  userId: string;
  name: string;
  /** The member's branch (or institution, when they have no branch) and its path: who reviews the card. */
  orgId: string;
  orgPath: string;
  institutionId: string;
  institutionName: string;
  kind: PostKind;
  level: PostLevel;
  window: string;
  pledge: string;
  services: string[];
  photoKey?: string;
  status: PostStatus;
  returnReason?: string;
  submittedAt: string;
  reviewedAt?: string;
  reviewedBy?: string;
  approvedAt?: string;
  ratingCount: number;
  ratingSum: number;
  version: number;
}

export function postItem(p: PostRecord) {
  return {
    ...keys.pioneerPost(p.id),
    ...keys.postsInTree(),
    ...keys.postTreeSort(p.orgPath, p.id),
    ...(p.status === 'approved' && p.approvedAt ? { ...keys.postsAt(p.institutionId), ...keys.postAtSort(p.approvedAt, p.id) } : {}),
    type: 'pioneerPost',
    ...p,
  };
}

function toPost(item: Record<string, unknown>): PostRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest } = item;
  return rest as unknown as PostRecord;
}

export async function getPost(id: string): Promise<PostRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.pioneerPost(id), ConsistentRead: true }));
  return Item ? toPost(Item) : undefined;
}

export async function memberPostId(userId: string): Promise<string | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.memberPost(userId), ConsistentRead: true }));
  return Item?.postId as string | undefined;
}

/** A member's first card: the card and the member's pointer in one transaction, so a member never has two. */
export async function createPost(p: PostRecord): Promise<void> {
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table(), Item: { ...keys.memberPost(p.userId), type: 'memberPost', postId: p.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: table(), Item: postItem(p), ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }));
  } catch (err) {
    if (err instanceof TransactionCanceledException) throw conflict('您的先锋岗卡片刚刚已经保存过，请刷新后再修改');
    throw err;
  }
}

/** Replaces a card if nobody changed it since it was read (`version`). */
export async function replacePost(next: PostRecord, readVersion: number): Promise<void> {
  try {
    await db().send(new PutCommand({
      TableName: table(), Item: postItem(next),
      ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': readVersion },
    }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw conflict('这张卡片刚刚被修改或审核过，请刷新后再试');
    throw err;
  }
}

/** Adds one rating to an approved card; false when the card is no longer approved. */
export async function addRating(id: string, stars: number): Promise<PostRecord | undefined> {
  try {
    const { Attributes } = await db().send(new UpdateCommand({
      TableName: table(), Key: keys.pioneerPost(id),
      UpdateExpression: 'ADD ratingCount :one, ratingSum :stars',
      ConditionExpression: '#status = :approved',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':one': 1, ':stars': stars, ':approved': 'approved' },
      ReturnValues: 'ALL_NEW',
    }));
    return Attributes ? toPost(Attributes) : undefined;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
}

/** Every card at or under an org path (one Query on the subtree index). */
export async function postsUnder(path: string): Promise<PostRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.postsInTree().gsi2pk, ':p': path },
  });
  return items.map(toPost);
}

/** Approved cards of one institution, newest approval first. */
export async function approvedPostsAt(institutionId: string): Promise<PostRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.postsAt(institutionId).gsi1pk }, ScanIndexForward: false,
  });
  return items.map(toPost).filter((p) => p.status === 'approved');
}
