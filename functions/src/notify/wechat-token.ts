import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand, ConditionalCheckFailedException } from '../lib/dynamo';
import { keys } from '../db/keys';
import { config } from '../lib/config';
import { db, table } from '../lib/db';
import { secret } from '../lib/secrets';

/** A token this close to its expiry is refreshed before use. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
/** How long one process may hold the refresh lease (longer than a WeChat call may take). */
const LEASE_MS = 10_000;
const WAIT_STEP_MS = 150;

let memory: { token: string; expiresAtMs: number } | undefined;
const me = randomUUID();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface StableToken { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }

async function fetchFromWechat(forceRefresh: boolean): Promise<{ token: string; expiresAtMs: number }> {
  const c = config();
  const appid = await secret(c.wechatAppId, c.wechatAppIdParam, 'WeChat app id');
  const appSecret = await secret(c.wechatSecret, c.wechatSecretParam, 'WeChat app secret');
  const res = await fetch(new URL('/cgi-bin/stable_token', c.wechatApiBase), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid, secret: appSecret, force_refresh: forceRefresh }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`stable_token answered HTTP ${res.status}`);
  const data = (await res.json()) as StableToken;
  if (data.errcode || !data.access_token) throw new Error(`stable_token refused: ${data.errcode} ${data.errmsg ?? ''}`);
  return { token: data.access_token, expiresAtMs: Date.now() + (data.expires_in ?? 7200) * 1000 };
}

function usable(t: { token: string; expiresAtMs: number } | undefined, stale: string | undefined): boolean {
  return !!t && t.token !== stale && t.expiresAtMs - EXPIRY_MARGIN_MS > Date.now();
}

/**
 * The mini-program's access token, shared by every Lambda through the table (N8). Whoever finds it
 * missing or stale takes a short conditional-write lease and alone asks WeChat; the others wait for
 * the new token instead of asking too (no stampede). `stale` is a token WeChat just refused (40001):
 * it is replaced even if its expiry says otherwise.
 */
export async function accessToken(stale?: string): Promise<string> {
  if (memory && usable(memory, stale)) return memory.token;
  const deadline = Date.now() + 3 * LEASE_MS;
  while (Date.now() < deadline) {
    const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.wechatToken(), ConsistentRead: true }));
    const stored = Item?.token ? { token: Item.token as string, expiresAtMs: Item.expiresAtMs as number } : undefined;
    if (stored && usable(stored, stale)) {
      memory = stored;
      return stored.token;
    }
    const now = Date.now();
    try {
      await db().send(new UpdateCommand({
        TableName: table(), Key: keys.wechatToken(),
        UpdateExpression: 'SET leaseOwner = :me, leaseUntil = :until',
        // Only over the token we just read: whoever refreshed it in between makes this lease fail, and we read theirs.
        ConditionExpression: `(attribute_not_exists(leaseUntil) OR leaseUntil < :now) AND ${stored ? '#t = :seen' : 'attribute_not_exists(#t)'}`,
        ExpressionAttributeNames: { '#t': 'token' },
        ExpressionAttributeValues: { ':me': me, ':until': now + LEASE_MS, ':now': now, ...(stored ? { ':seen': stored.token } : {}) },
      }));
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      await sleep(WAIT_STEP_MS);
      continue;
    }
    try {
      const fresh = await fetchFromWechat(!!stale && stored?.token === stale);
      await db().send(new UpdateCommand({
        TableName: table(), Key: keys.wechatToken(),
        UpdateExpression: 'SET #t = :t, expiresAtMs = :e, refreshedAt = :at REMOVE leaseOwner, leaseUntil',
        ConditionExpression: 'leaseOwner = :me',
        ExpressionAttributeNames: { '#t': 'token' },
        ExpressionAttributeValues: { ':t': fresh.token, ':e': fresh.expiresAtMs, ':me': me, ':at': new Date().toISOString() },
      }));
      memory = fresh;
      return fresh.token;
    } catch (err) {
      await db().send(new UpdateCommand({
        TableName: table(), Key: keys.wechatToken(), UpdateExpression: 'REMOVE leaseOwner, leaseUntil',
        ConditionExpression: 'leaseOwner = :me', ExpressionAttributeValues: { ':me': me },
      })).catch(() => undefined);
      throw err;
    }
  }
  throw new Error('WeChat access token not available (refresh lease held too long)');
}

/** Forgets the process's copy (tests and benchmarks start each run cold). */
export function forgetTokenCache(): void {
  memory = undefined;
}
