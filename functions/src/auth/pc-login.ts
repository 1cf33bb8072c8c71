import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, ConditionalCheckFailedException } from '../lib/dynamo';
import { PC_LOGIN_MINUTES } from '@kaimen/shared';
import { keys, ttlIn } from '../db/keys';
import { db, table } from '../lib/db';
import { notFound } from '../lib/problem';

/**
 * QR sign-in of the PC console. The PC gets a ticket (shown in the QR) and a poll key (kept on the
 * PC). An admin signed in on the phone scans the QR and confirms: the ticket then names that user.
 * The PC polls with its key and receives a session once; the ticket is deleted as it is handed over.
 * Both secrets are 128 random bits; only the poll key's hash is stored.
 */

interface Ticket {
  status: 'waiting' | 'scanned' | 'confirmed';
  pollKeyHash: string;
  expiresAtMs: number;
  userId?: string;
  openid?: string;
}

const secret = () => randomBytes(16).toString('base64url');
const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const expired = () => notFound('二维码已失效，请在电脑上刷新二维码后重新扫码');

export async function startTicket(now: Date): Promise<{ ticket: string; pollKey: string; expiresAt: string }> {
  const ticket = secret();
  const pollKey = secret();
  const expiresAtMs = now.getTime() + PC_LOGIN_MINUTES * 60_000;
  await db().send(new PutCommand({
    TableName: table(),
    Item: { ...keys.pcLogin(ticket), type: 'pcLogin', status: 'waiting', pollKeyHash: hash(pollKey), expiresAtMs, ttl: ttlIn(PC_LOGIN_MINUTES * 60 + 3600, now.getTime()) },
    ConditionExpression: 'attribute_not_exists(pk)',
  }));
  return { ticket, pollKey, expiresAt: new Date(expiresAtMs).toISOString() };
}

async function live(ticket: string, now: Date): Promise<Ticket> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.pcLogin(ticket), ConsistentRead: true }));
  const t = Item as Ticket | undefined;
  if (!t || t.expiresAtMs <= now.getTime()) throw expired();
  return t;
}

/** The phone scanned the QR (the PC then asks to confirm on the phone). Not after a confirmation. */
export async function markScanned(ticket: string, now: Date): Promise<string> {
  const t = await live(ticket, now);
  if (t.status === 'confirmed') throw expired();
  await db().send(new UpdateCommand({
    TableName: table(), Key: keys.pcLogin(ticket),
    UpdateExpression: 'SET #s = :scanned',
    ConditionExpression: 'attribute_exists(pk) AND #s <> :confirmed',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':scanned': 'scanned', ':confirmed': 'confirmed' },
  })).catch((err: unknown) => {
    throw err instanceof ConditionalCheckFailedException ? expired() : err;
  });
  return new Date(t.expiresAtMs).toISOString();
}

/** The admin on the phone confirms: the ticket now names them. Once, before it expires. */
export async function confirmTicket(ticket: string, user: { userId: string; openid: string }, now: Date): Promise<string> {
  try {
    const { Attributes } = await db().send(new UpdateCommand({
      TableName: table(), Key: keys.pcLogin(ticket),
      UpdateExpression: 'SET #s = :confirmed, userId = :u, openid = :o',
      ConditionExpression: 'attribute_exists(pk) AND #s <> :confirmed AND expiresAtMs > :now',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':confirmed': 'confirmed', ':u': user.userId, ':o': user.openid, ':now': now.getTime() },
      ReturnValues: 'ALL_NEW',
    }));
    return new Date((Attributes as Ticket).expiresAtMs).toISOString();
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw expired();
    throw err;
  }
}

/**
 * The PC's poll. Before the confirmation: the status. After it: the confirming user, and the ticket
 * is deleted in the same step (a conditional delete), so a session is handed out once.
 */
export async function pollTicket(ticket: string, pollKey: string, now: Date): Promise<{ status: Ticket['status']; expiresAt: string; user?: { userId: string; openid: string } }> {
  const t = await live(ticket, now);
  if (t.pollKeyHash !== hash(pollKey)) throw expired();
  const expiresAt = new Date(t.expiresAtMs).toISOString();
  if (t.status !== 'confirmed') return { status: t.status, expiresAt };
  try {
    await db().send(new DeleteCommand({
      TableName: table(), Key: keys.pcLogin(ticket),
      ConditionExpression: '#s = :confirmed AND pollKeyHash = :h',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':confirmed': 'confirmed', ':h': t.pollKeyHash },
    }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw expired();
    throw err;
  }
  return { status: 'confirmed', expiresAt, user: { userId: t.userId!, openid: t.openid! } };
}
