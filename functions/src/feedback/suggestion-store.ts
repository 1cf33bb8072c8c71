import { createHash } from 'node:crypto';
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, ConditionalCheckFailedException, TransactionCanceledException } from '../lib/dynamo';
import { currentStatus, type AdminSuggestion, type Channel, type InboxQuery, type Rating, type SuggestionStatus } from '@kaimen/shared';
import { keys, ttlIn } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { IdempotencyKeyTaken, type IdempotentWrite } from '../lib/idempotency';
import type { RateWindow } from '../lib/rate-limit';
import { submitterLinkPuts } from '../notify/submitter';

/** A suggestion as stored (pattern 13), with the facts its status is derived from. */
export interface SuggestionRecord {
  id: string;
  campaignId: string;
  campaignOrgPath: string;
  category: string;
  content: string;
  channel: Channel;
  anonymous: boolean;
  contact?: { name?: string; phone?: string };
  orgId?: string;
  unitOrgPath?: string;
  postId?: string;
  postLabel?: string;
  trackingCode?: string;
  externalId?: string;
  createdAt: string;
  submittedAt: string;
  reviewedAt?: string;
  reply?: { text: string; at: string; by: string };
  rating?: { rating: Rating; comment?: string; at: string };
  followUp?: { note: string; outcome?: Rating; at: string; by: string };
  moderation?: 'spam' | 'duplicate';
  duplicateOf?: string;
  checklistItemId?: string;
  talliedAt?: string;
}

export interface ItemFacts {
  /** The item that stands for the suggestion now (the surviving item after a merge). */
  id: string;
  status: string;
  title: string;
  deadline: string | null;
  resolvedAt?: string;
}

/** Minutes within which the same text from the same client is the same suggestion. */
export const DEDUP_WINDOW_SECONDS = 10 * 60;

export function textHash(category: string, content: string): string {
  return createHash('sha256').update(category).update('\u0000').update(content.trim().replace(/\s+/g, ' ')).digest('base64url').slice(0, 22);
}

export function suggestionItem(s: SuggestionRecord) {
  return {
    ...keys.suggestion(s.id),
    ...keys.campaignSuggestions(s.campaignId),
    ...keys.campaignSuggestionSort(s.createdAt, s.id),
    ...(s.moderation || s.checklistItemId ? {} : keys.tallyPending(s.campaignId, s.createdAt, s.id)),
    type: 'suggestion',
    ...s,
  };
}

function strip(item: Record<string, unknown>): SuggestionRecord {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, gsi3pk: _g, gsi3sk: _h, type: _t, ...rest } = item;
  return rest as unknown as SuggestionRecord;
}

export type CreateOutcome = { kind: 'created'; suggestion: SuggestionRecord } | { kind: 'duplicate'; suggestion: SuggestionRecord };

/** What a public submission writes along with the suggestion, all in its one transaction. */
export interface CreateAlong {
  /** The submitter's counter for this window; its limit refuses the whole write. */
  rate: RateWindow;
  /** The signed-in submitter: a short-lived marker of the text folds a resend, and the suggestion is linked to them. */
  submitter: { client: string; openid: string } | null;
  /** The answer to the request's Idempotency-Key. */
  idempotency: IdempotentWrite | undefined;
}

/** Concurrent transactions on one item (a shared counter) cancel each other; the loser tries again. */
const CONFLICT_RETRIES = 4;

/**
 * Stores a new suggestion with its tracking code in one transaction, with the submitter's rate
 * counter and the answer to the Idempotency-Key. For a signed-in submitter it also writes the link to
 * them and a short-lived marker of the text: the same text from the same person within minutes
 * returns their first suggestion. Without an identity nothing is folded: an IP is shared by
 * strangers, and handing one of them another's tracking code would give away that person's
 * suggestion, reply and rating.
 */
export async function createSuggestion(s: SuggestionRecord, along: CreateAlong, now: Date): Promise<CreateOutcome> {
  const recentKey = along.submitter ? keys.recentText(s.campaignId, along.submitter.client, textHash(s.category, s.content)) : null;
  const items = {
    suggestion: { Put: { TableName: table(), Item: suggestionItem(s), ConditionExpression: 'attribute_not_exists(pk)' } },
    trackingCode: { Put: { TableName: table(), Item: { ...keys.trackingCode(s.trackingCode!), type: 'tracking', suggestionId: s.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
    rate: { Update: along.rate.update },
    ...(along.idempotency ? { idempotency: { Put: along.idempotency.put } } : {}),
    ...(recentKey ? {
      recentText: {
        Put: {
          TableName: table(),
          Item: { ...recentKey, type: 'recent', suggestionId: s.id, expiresAtMs: now.getTime() + DEDUP_WINDOW_SECONDS * 1000, ttl: ttlIn(DEDUP_WINDOW_SECONDS * 2, now.getTime()) },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAtMs < :now',
          ExpressionAttributeValues: { ':now': now.getTime() },
        },
      },
    } : {}),
  };
  const names = Object.keys(items) as (keyof typeof items)[];
  const links = along.submitter ? submitterLinkPuts(s.id, s.createdAt, along.submitter.openid) : [];
  for (let attempt = 0; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: [...Object.values(items), ...links] }));
      along.idempotency?.written();
      return { kind: 'created', suggestion: s };
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reason = (name: keyof typeof items) => err.CancellationReasons?.[names.indexOf(name)]?.Code;
      const reasons = err.CancellationReasons ?? [];
      if (reason('idempotency') === 'ConditionalCheckFailed') throw new IdempotencyKeyTaken();
      if (reason('rate') === 'ConditionalCheckFailed') throw along.rate.refused();
      if (recentKey && reason('recentText') === 'ConditionalCheckFailed') {
        const { Item } = await db().send(new GetCommand({ TableName: table(), Key: recentKey, ConsistentRead: true }));
        const first = Item ? await getSuggestion(Item.suggestionId as string) : undefined;
        if (first) return { kind: 'duplicate', suggestion: first };
      }
      const conflicted = reasons.some((r) => r.Code === 'TransactionConflict') && !reasons.some((r) => r.Code === 'ConditionalCheckFailed');
      if (!conflicted || attempt >= CONFLICT_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, (10 + Math.random() * 40) * 2 ** attempt));
    }
  }
}

export async function getSuggestion(id: string): Promise<SuggestionRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.suggestion(id), ConsistentRead: true }));
  return Item ? strip(Item) : undefined;
}

export async function suggestionByTrackingCode(code: string): Promise<SuggestionRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.trackingCode(code) }));
  return Item ? getSuggestion(Item.suggestionId as string) : undefined;
}

export async function getItemFacts(ids: string[]): Promise<Map<string, ItemFacts>> {
  const out = new Map<string, ItemFacts>();
  const unique = [...new Set(ids)];
  /** Items an admin merged into another: their suggestions now belong to that item. */
  const mergedInto = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 100) {
    const res = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: unique.slice(i, i + 100).map(keys.checklistItem) } } }));
    for (const it of res.Responses?.[table()] ?? []) {
      const into = (it.summary as { mergedInto?: string } | undefined)?.mergedInto;
      if (into) mergedInto.set(it.id as string, into);
      else out.set(it.id as string, { id: it.id as string, status: it.status as string, title: it.title as string, deadline: (it.deadline as string | null) ?? null, resolvedAt: it.resolvedAt as string | undefined });
    }
  }
  if (mergedInto.size > 0) {
    const targets = await getItemFacts([...mergedInto.values()]);
    for (const [id, into] of mergedInto) {
      const facts = targets.get(into);
      if (facts) out.set(id, facts);
    }
  }
  return out;
}

export function statusOf(s: SuggestionRecord, item?: ItemFacts): SuggestionStatus {
  return currentStatus({ ...s, ...(item ? { itemStatus: item.status, itemResolvedAt: item.resolvedAt } : {}) });
}

export function toAdminView(s: SuggestionRecord, item?: ItemFacts): AdminSuggestion {
  const { campaignOrgPath: _p, unitOrgPath: _u, reviewedAt: _r, talliedAt: _t, ...rest } = s;
  return { ...rest, status: statusOf(s, item) };
}

const statusFilters: Partial<Record<SuggestionStatus, string>> = {
  received: 'attribute_not_exists(reviewedAt) AND attribute_not_exists(reply) AND attribute_not_exists(checklistItemId)',
  under_review: 'attribute_exists(reviewedAt) AND attribute_not_exists(reply) AND attribute_not_exists(checklistItemId)',
  replied: 'attribute_exists(reply) AND attribute_not_exists(checklistItemId)',
  in_checklist: 'attribute_exists(checklistItemId)',
  resolved: 'attribute_exists(checklistItemId)',
};

/**
 * One page of a campaign's inbox, newest first. Date range is a key condition; the other filters
 * are evaluated by DynamoDB on the campaign's partition (never a table scan). `unitScope` limits the
 * page to suggestions about units inside an org subtree.
 */
export async function queryInbox(campaignId: string, q: InboxQuery & { limit: number }, unitScope?: string) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': keys.campaignSuggestions(campaignId).gsi1pk };
  let keyCondition = 'gsi1pk = :pk';
  if (q.from || q.to) {
    values[':from'] = q.from ?? '0000';
    values[':to'] = q.to ? `${q.to}T23:59:59.999Z~` : '9999';
    keyCondition += ' AND gsi1sk BETWEEN :from AND :to';
  }
  const filters: string[] = [];
  if (q.category) { filters.push('category = :category'); values[':category'] = q.category; }
  if (q.channel) { filters.push('#channel = :channel'); names['#channel'] = 'channel'; values[':channel'] = q.channel; }
  if (q.q) { filters.push('contains(content, :q)'); values[':q'] = q.q; }
  if (q.postId) { filters.push('postId = :postId'); values[':postId'] = q.postId; }
  if (q.moderation === 'none') filters.push('attribute_not_exists(moderation)');
  else if (q.moderation === 'flagged') filters.push('attribute_exists(moderation)');
  else if (q.moderation) { filters.push('moderation = :moderation'); values[':moderation'] = q.moderation; }
  if (q.status) filters.push(statusFilters[q.status]!);
  if (q.replied) filters.push(q.replied === 'yes' ? 'attribute_exists(reply)' : 'attribute_not_exists(reply)');
  if (q.followUp === 'pending') { filters.push('attribute_exists(rating) AND rating.rating = :unsat AND attribute_not_exists(followUp)'); values[':unsat'] = 'unsatisfied'; }
  if (unitScope) { filters.push('begins_with(unitOrgPath, :unit)'); values[':unit'] = unitScope; }

  const page = await db().send(new QueryCommand({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: keyCondition,
    ...(filters.length ? { FilterExpression: filters.map((f) => `(${f})`).join(' AND ') } : {}),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    Limit: q.limit,
    ExclusiveStartKey: decodeCursor(q.cursor, ['pk', 'sk', 'gsi1pk', 'gsi1sk']),
  }));
  return { items: (page.Items ?? []).map(strip), nextCursor: encodeCursor(page.LastEvaluatedKey) };
}

/** Every suggestion of a campaign (for stats and export): a paginated Query of its partition. */
export async function allOfCampaign(campaignId: string): Promise<SuggestionRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.campaignSuggestions(campaignId).gsi1pk },
  });
  return items.map(strip);
}

/** First admin view marks a suggestion 办理中 (under review); later views change nothing. */
export async function markReviewed(ids: string[], at: string): Promise<void> {
  await Promise.all(ids.map(async (id) => {
    try {
      await db().send(new UpdateCommand({
        TableName: table(), Key: keys.suggestion(id), UpdateExpression: 'SET reviewedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(reviewedAt)', ExpressionAttributeValues: { ':at': at },
      }));
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }));
}

async function update(id: string, expression: string, values: Record<string, unknown>, condition = 'attribute_exists(pk)', names?: Record<string, string>): Promise<SuggestionRecord | undefined> {
  try {
    const res = await db().send(new UpdateCommand({
      TableName: table(), Key: keys.suggestion(id), UpdateExpression: expression, ConditionExpression: condition,
      ExpressionAttributeValues: values, ...(names ? { ExpressionAttributeNames: names } : {}), ReturnValues: 'ALL_NEW',
    }));
    return res.Attributes ? strip(res.Attributes) : undefined;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
}

export function setReply(id: string, reply: { text: string; at: string; by: string }) {
  return update(id, 'SET reply = :reply', { ':reply': reply });
}

/** One rating per suggestion, only after a reply; an unsatisfied one joins the follow-up list. */
export function setRating(s: SuggestionRecord, rating: { rating: Rating; comment?: string; at: string }) {
  const followUp = rating.rating === 'unsatisfied' ? keys.followUpPending(s.campaignId, rating.at, s.id) : undefined;
  return update(
    s.id,
    followUp ? 'SET rating = :rating, gsi2pk = :fpk, gsi2sk = :fsk' : 'SET rating = :rating',
    { ':rating': rating, ...(followUp ? { ':fpk': followUp.gsi2pk, ':fsk': followUp.gsi2sk } : {}) },
    'attribute_exists(pk) AND attribute_exists(reply) AND attribute_not_exists(rating)',
  );
}

export function setFollowUp(id: string, followUp: { note: string; outcome?: Rating; at: string; by: string }) {
  return update(id, 'SET followUp = :f REMOVE gsi2pk, gsi2sk', { ':f': followUp, ':unsat': 'unsatisfied' },
    'attribute_exists(pk) AND rating.rating = :unsat AND attribute_not_exists(followUp)');
}

/**
 * Marks or un-marks spam/duplicate. Either way the suggestion goes back on the tally's queue: the
 * tally takes a marked one out of its checklist item, and counts an un-marked one again.
 */
export function setModeration(s: SuggestionRecord, moderation: 'spam' | 'duplicate' | null, duplicateOf: string | undefined) {
  const queue = keys.tallyPending(s.campaignId, s.createdAt, s.id);
  const values: Record<string, unknown> = { ':q': queue.gsi3pk, ':qs': queue.gsi3sk };
  if (moderation) {
    values[':m'] = moderation;
    if (duplicateOf) values[':d'] = duplicateOf;
    return update(s.id, `SET moderation = :m, gsi3pk = :q, gsi3sk = :qs${duplicateOf ? ', duplicateOf = :d' : ''}${duplicateOf ? '' : ' REMOVE duplicateOf'}`, values);
  }
  return update(s.id, 'SET gsi3pk = :q, gsi3sk = :qs REMOVE moderation, duplicateOf', values);
}
