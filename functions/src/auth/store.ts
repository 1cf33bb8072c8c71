import { GetCommand, PutCommand, TransactWriteCommand, ConditionalCheckFailedException, TransactionCanceledException } from '../lib/dynamo';
import type { Role } from '@kaimen/shared';
import { keys, ttlIn } from '../db/keys';
import { db, table } from '../lib/db';
import { newCode, newId } from '../lib/ids';
import { conflict, notFound } from '../lib/problem';

/** A roster entry (党员名册) or a guest: a WeChat user not yet bound to the roster. */
export interface UserRecord {
  id: string;
  name: string;
  roles: Role[];
  orgId: string | null;
  orgPath: string | null;
  openid?: string;
  /** False once a roster entry has left (org/roster.ts memberLeaves); absent on guests and bureau admins. */
  active?: boolean;
  createdAt: string;
}

export const BINDING_CODE_LENGTH = 8;
const BINDING_CODE_DAYS = 7;

export function userItem(u: UserRecord) {
  return {
    ...keys.user(u.id),
    ...(u.orgId ? { ...keys.orgMembers(u.orgId), ...keys.orgMemberSort(u.name, u.id) } : {}),
    type: 'user',
    ...u,
  };
}

export async function getUser(id: string): Promise<UserRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.user(id) }));
  return Item as UserRecord | undefined;
}

export async function userByOpenid(openid: string): Promise<UserRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.openid(openid), ConsistentRead: true }));
  return Item ? getUser(Item.userId as string) : undefined;
}

/** The first sign-in of an unknown WeChat user creates a guest with no roles; racing sign-ins share one. */
export async function guestFor(openid: string, now: Date): Promise<UserRecord> {
  const guest: UserRecord = { id: newId(now.getTime()), name: '微信用户', roles: [], orgId: null, orgPath: null, openid, createdAt: now.toISOString() };
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table(), Item: { ...keys.openid(openid), type: 'openid', userId: guest.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: table(), Item: userItem(guest) } },
      ],
    }));
    return guest;
  } catch (err) {
    if (!(err instanceof TransactionCanceledException)) throw err;
    const existing = await userByOpenid(openid);
    if (!existing) throw err;
    return existing;
  }
}

export async function issueBindingCode(memberId: string, now: Date): Promise<{ code: string; expiresAt: string }> {
  const code = newCode(BINDING_CODE_LENGTH);
  const expires = now.getTime() + BINDING_CODE_DAYS * 86_400_000;
  await db().send(new PutCommand({
    TableName: table(),
    Item: { ...keys.bindingCode(code), type: 'bindingCode', memberId, expiresAtMs: expires, ttl: ttlIn(BINDING_CODE_DAYS * 86_400, now.getTime()) },
    ConditionExpression: 'attribute_not_exists(pk)',
  }));
  return { code, expiresAt: new Date(expires).toISOString() };
}

/**
 * Binds a WeChat openid to the roster entry a binding code names, in one transaction: the code is
 * used up, the member takes the openid (a member binds once), and the openid now points at the
 * member. A guest record left behind is harmless and unreferenced; an openid that already leads to an
 * active roster entry is refused (it would leave that entry bound to nobody).
 */
export async function bindOpenid(openid: string, code: string, now: Date): Promise<UserRecord> {
  const { Item: codeItem } = await db().send(new GetCommand({ TableName: table(), Key: keys.bindingCode(code), ConsistentRead: true }));
  if (!codeItem || (codeItem.expiresAtMs as number) < now.getTime()) throw notFound('绑定码无效或已过期，请向支部书记索取新的绑定码');
  const member = await getUser(codeItem.memberId as string);
  if (!member) throw notFound('名册中找不到这名党员');
  if (member.active === false) throw conflict('这名人员已办理离开，不能再绑定');
  if (member.openid === openid) return member;
  if (member.openid) throw conflict('这名党员已绑定其他微信账号，如需更换请联系管理员');
  // One WeChat account, one roster entry: re-pointing it would leave the first entry bound to nobody for good.
  const { Item: pointer } = await db().send(new GetCommand({ TableName: table(), Key: keys.openid(openid), ConsistentRead: true }));
  const current = pointer ? await getUser(pointer.userId as string) : undefined;
  if (current && current.id !== member.id && current.orgId && current.active !== false) {
    throw conflict(`这个微信已绑定名册中的“${current.name}”，不能再绑定其他人员；如需更换请联系管理员`);
  }
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: table(), Key: keys.bindingCode(code), ConditionExpression: 'attribute_exists(pk)' } },
        {
          Update: {
            TableName: table(), Key: keys.user(member.id),
            UpdateExpression: 'SET openid = :openid',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(openid)',
            ExpressionAttributeValues: { ':openid': openid },
          },
        },
        {
          Put: {
            TableName: table(), Item: { ...keys.openid(openid), type: 'openid', userId: member.id },
            ...(pointer
              ? { ConditionExpression: 'userId = :was', ExpressionAttributeValues: { ':was': pointer.userId } }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          },
        },
      ],
    }));
  } catch (err) {
    if (err instanceof TransactionCanceledException || err instanceof ConditionalCheckFailedException) {
      throw conflict('绑定码已被使用，请向支部书记索取新的绑定码');
    }
    throw err;
  }
  return { ...member, openid };
}
