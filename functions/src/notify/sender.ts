import { QueryCommand, UpdateCommand, ConditionalCheckFailedException } from '../lib/dynamo';
import { MAX_SEND_ATTEMPTS, retryDelayMs, templateData } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { logger } from '../lib/logger';
import { stripNote, type NoteRecord } from './note';
import { notifyConfig, templateIds } from './settings';
import { accessToken } from './wechat-token';
import { sendSubscribeMessage, type SendAnswer } from './wechat-send';

/** How long a claimed message stays ours; a sender killed while holding it leaves it `uncertain`, never resent by itself. */
const LEASE_MS = 60_000;
const PAGE = 100;
/** Back-off while WeChat says "too fast" (45009/45011/-1): the message is kept and tried again. */
const RATE_RETRIES = 8;

export interface SendRun {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  unsubscribed: number;
  uncertain: number;
  rateLimited: number;
  stoppedEarly: boolean;
}

export interface SendOptions {
  now?: () => Date;
  /** Stop claiming new messages at this instant (the Lambda's remaining time). */
  deadline?: number;
  /** Aborting stops the run at once, writing nothing more: as if the Lambda were killed. */
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Evenly spaced sends at no more than `perSecond`, shared by the workers of one run. */
function pacer(perSecond: number) {
  let next = Date.now();
  const gap = 1000 / perSecond;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + gap;
    if (at > now) await sleep(at - now);
  };
}

async function claim(n: NoteRecord & { gsi3sk: string }, now: number): Promise<NoteRecord | undefined> {
  const leaseUntil = now + LEASE_MS;
  const due = keys.notifyDue(new Date(leaseUntil).toISOString(), n.userId, n.id);
  try {
    const res = await db().send(new UpdateCommand({
      TableName: table(), Key: keys.note(n.userId, n.id),
      UpdateExpression: 'SET sendState = :sending, leaseUntil = :until, gsi3sk = :due, attempts = attempts + :one',
      ConditionExpression: 'gsi3sk = :seen AND sendState = :pending',
      ExpressionAttributeValues: { ':sending': 'sending', ':until': leaseUntil, ':due': due.gsi3sk, ':one': 1, ':seen': n.gsi3sk, ':pending': 'pending' },
      ReturnValues: 'ALL_NEW',
    }));
    return stripNote(res.Attributes!);
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
}

type Final = { state: 'sent' } | { state: 'pending'; at: number; reason: string; detail: string; refund?: boolean }
  | { state: 'failed' | 'unsubscribed' | 'uncertain'; reason: string; detail: string };

/** Records what became of a claimed message (only while the claim is still ours). */
async function settle(n: NoteRecord, f: Final, now: Date): Promise<void> {
  const at = now.toISOString();
  const values: Record<string, unknown> = { ':state': f.state, ':at': at, ':sending': 'sending', ':lease': n.leaseUntil };
  let expr: string;
  if (f.state === 'sent') {
    expr = 'SET sendState = :state, sentAt = :at, updatedAt = :at REMOVE gsi3pk, gsi3sk, gsi2pk, gsi2sk, leaseUntil, reason, detail';
  } else if (f.state === 'pending') {
    const due = keys.notifyDue(new Date(f.at).toISOString(), n.userId, n.id);
    const issue = keys.notifyIssue(at, n.userId, n.id);
    Object.assign(values, { ':due': due.gsi3sk, ':reason': f.reason, ':detail': f.detail, ':ipk': issue.gsi2pk, ':isk': issue.gsi2sk, ':next': new Date(f.at).toISOString() });
    expr = 'SET sendState = :state, gsi3sk = :due, reason = :reason, detail = :detail, updatedAt = :at, sendAfter = :next, gsi2pk = :ipk, gsi2sk = :isk REMOVE leaseUntil';
    if (f.refund) {
      values[':one'] = 1;
      expr = expr.replace('updatedAt = :at', 'updatedAt = :at, attempts = attempts - :one');
    }
  } else {
    const issue = keys.notifyIssue(at, n.userId, n.id);
    Object.assign(values, { ':reason': f.reason, ':detail': f.detail, ':ipk': issue.gsi2pk, ':isk': issue.gsi2sk });
    expr = 'SET sendState = :state, reason = :reason, detail = :detail, updatedAt = :at, gsi2pk = :ipk, gsi2sk = :isk REMOVE gsi3pk, gsi3sk, leaseUntil';
  }
  try {
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.note(n.userId, n.id), UpdateExpression: expr,
      ConditionExpression: 'sendState = :sending AND leaseUntil = :lease', ExpressionAttributeValues: values,
    }));
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    logger.warn('notify: claim lost before settling', { noteId: n.id, userId: n.userId });
  }
}

/**
 * A message whose claim ran out while `sending`: its sender died after claiming it, maybe after
 * WeChat accepted it. Sending again could send it twice, so it is set aside for an admin to judge.
 */
async function setAsideStale(n: NoteRecord & { gsi3sk: string }, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const issue = keys.notifyIssue(at, n.userId, n.id);
  try {
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.note(n.userId, n.id),
      UpdateExpression: 'SET sendState = :u, reason = :r, detail = :d, updatedAt = :at, gsi2pk = :ipk, gsi2sk = :isk REMOVE gsi3pk, gsi3sk, leaseUntil',
      ConditionExpression: 'gsi3sk = :seen AND sendState = :sending',
      ExpressionAttributeValues: {
        ':u': 'uncertain', ':r': 'interrupted', ':d': '发送过程中断，无法确认微信是否已送达', ':at': at,
        ':ipk': issue.gsi2pk, ':isk': issue.gsi2sk, ':seen': n.gsi3sk, ':sending': 'sending',
      },
    }));
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

function afterFailure(n: NoteRecord, answer: SendAnswer, now: number, reason: string): Final {
  const attempts = n.attempts ?? 1;
  if (attempts >= MAX_SEND_ATTEMPTS) return { state: 'failed', reason, detail: answer.detail };
  return { state: 'pending', at: now + retryDelayMs(attempts), reason, detail: answer.detail };
}

/**
 * Sends every message due now, page by page from the due index (N3): claim (conditional write) →
 * send → settle. Each message is claimed by one sender only, so none is sent twice; what is not
 * claimed stays due for the next run, so none is lost.
 */
export async function sendDue(opts: SendOptions = {}): Promise<SendRun> {
  const clock = opts.now ?? (() => new Date());
  const c = notifyConfig();
  const pace = pacer(c.sendPerSecond);
  const templates = await templateIds();
  const run: SendRun = { claimed: 0, sent: 0, retrying: 0, failed: 0, unsubscribed: 0, uncertain: 0, rateLimited: 0, stoppedEarly: false };
  let rateUntil = 0;
  let dailyQuotaHit = false;
  const stop = () => opts.signal?.aborted || dailyQuotaHit || (opts.deadline !== undefined && Date.now() > opts.deadline);

  async function deliver(n: NoteRecord): Promise<Final> {
    const templateId = templates[n.templateKey];
    const now = clock().getTime();
    if (!templateId) return afterFailure(n, { outcome: 'retry', detail: `未配置“${n.templateKey}”订阅消息模板` }, now, 'template_missing');
    const message = {
      touser: n.openid!, template_id: templateId, page: n.link.replace(/^\//, ''),
      data: templateData(n.title, n.body, new Date(n.createdAt)), miniprogram_state: c.miniprogramState, lang: 'zh_CN' as const,
    };
    let token = await accessToken();
    let refreshed = false;
    for (let tries = 0; ; tries++) {
      if (rateUntil > Date.now()) await sleep(rateUntil - Date.now());
      await pace();
      const answer = await sendSubscribeMessage(token, message, opts.signal);
      if (answer.outcome === 'sent') return { state: 'sent' };
      if (answer.maybeDelivered) return { state: 'uncertain', reason: 'timeout', detail: answer.detail };
      if (answer.outcome === 'token' && !refreshed) {
        token = await accessToken(token);
        refreshed = true;
        continue;
      }
      if (answer.outcome === 'rate') {
        run.rateLimited += 1;
        if (answer.errcode === 45009) {
          dailyQuotaHit = true;
          return { state: 'pending', at: clock().getTime() + 3_600_000, reason: 'quota', detail: answer.detail, refund: true };
        }
        if (tries < RATE_RETRIES) {
          rateUntil = Math.max(rateUntil, Date.now() + Math.min(100 * 2 ** tries, 5000));
          continue;
        }
        return { state: 'pending', at: clock().getTime() + 60_000, reason: 'rate', detail: answer.detail, refund: true };
      }
      if (answer.outcome === 'unsubscribed') return { state: 'unsubscribed', reason: 'unsubscribed', detail: answer.detail };
      if (answer.outcome === 'invalid') return { state: 'failed', reason: `errcode_${answer.errcode}`, detail: answer.detail };
      return afterFailure(n, answer, clock().getTime(), answer.outcome === 'token' ? 'token' : answer.errcode ? `errcode_${answer.errcode}` : 'unreachable');
    }
  }

  async function handle(item: NoteRecord & { gsi3sk: string }): Promise<void> {
    const now = clock();
    if (item.sendState === 'sending') {
      if (await setAsideStale(item, now)) run.uncertain += 1;
      return;
    }
    const mine = await claim(item, now.getTime());
    if (!mine) return;
    run.claimed += 1;
    let final: Final;
    try {
      final = await deliver(mine);
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      final = afterFailure(mine, { outcome: 'retry', detail: (err as Error).message }, clock().getTime(), 'token_unavailable');
    }
    if (opts.signal?.aborted) return;
    await settle(mine, final, clock());
    if (final.state === 'sent') run.sent += 1;
    else if (final.state === 'pending') run.retrying += 1;
    else run[final.state] += 1;
  }

  let start: Record<string, unknown> | undefined;
  const seen = new Set<string>();
  while (!stop()) {
    const page = await db().send(new QueryCommand({
      TableName: table(), IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :now',
      ExpressionAttributeValues: { ':pk': keys.notifyDuePartition().gsi3pk, ':now': `${clock().toISOString()}~` },
      Limit: PAGE, ExclusiveStartKey: start,
    }));
    const items = (page.Items ?? []).filter((it) => !seen.has(`${it.pk}|${it.sk}`)) as (Record<string, unknown> & { gsi3sk: string })[];
    for (const it of items) seen.add(`${it.pk}|${it.sk}`);
    const queue = items.map((it) => ({ ...stripNote(it), gsi3sk: it.gsi3sk }));
    const worker = async () => {
      for (let next = queue.shift(); next && !stop(); next = queue.shift()) await handle(next);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(c.concurrency, queue.length) }, worker));
    } catch (err) {
      if (opts.signal?.aborted) break;
      throw err;
    }
    start = page.LastEvaluatedKey;
    if (!start) break;
  }
  run.stoppedEarly = stop();
  return run;
}
