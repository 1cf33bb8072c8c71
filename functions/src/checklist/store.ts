import { GetCommand, PutCommand, QueryCommand } from '../lib/dynamo';
import type { ItemSource, ItemStatus } from '@kaimen/shared';
import type { ItemSummary, TallyState } from '@kaimen/shared/tally/index';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';

/** A progress note on an item's timeline. */
export interface ProgressNote {
  text: string;
  by: string;
  at: string;
  status?: ItemStatus;
  /** Evidence checked against its claimed type when the note was added (objects in the photo bucket). */
  evidence?: StoredEvidence[];
}

export interface StoredEvidence {
  id: string;
  name: string;
  contentType: string;
  size: number;
  key: string;
}

/** A checklist item (整改事项) as stored (pattern 19; listed per campaign by pattern 22). */
export interface ChecklistItemRecord {
  id: string;
  campaignId: string;
  title: string;
  /** An admin renamed it: the tally no longer retitles it. */
  titleByAdmin?: boolean;
  status: ItemStatus;
  owner: string | null;
  deadline: string | null;
  target: string | null;
  progress: string | null;
  notes: ProgressNote[];
  published: boolean;
  /** The tally's working summary: counts, channels, categories, heat, keywords. */
  summary: ItemSummary;
  /** Bumped by every write; the tally and admins write only over the version they read. */
  version: number;
  createdAt: string;
  updatedAt: string;
  resolvedAt?: string;
  /** Where the problem came from; absent on the tally's items (群众建言). */
  source?: ItemSource;
  /** Hand-made items: the category key chosen, and the org that answers for it. */
  category?: string;
  orgId?: string;
  orgPath?: string;
  orgName?: string;
  /** The last decision of the level above (销号 approved or refused). */
  signOff?: { state: 'approved' | 'refused'; by: string; byOrgName: string; at: string; reason?: string };
}

/** A hand-made item (民主生活会, 自查, 上级检查, 谈心谈话): the tally never touches it. */
export const isManualItem = (r: Pick<ChecklistItemRecord, 'source'>): boolean => r.source !== undefined && r.source !== 'suggestion';

function itemRow(r: ChecklistItemRecord) {
  return { ...keys.checklistItem(r.id), ...keys.campaignChecklist(r.campaignId), ...keys.campaignChecklistSort(r.id), type: 'checklistItem', ...r };
}

function strip(row: Record<string, unknown>): ChecklistItemRecord {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, type: _t, ...rest } = row;
  return rest as unknown as ChecklistItemRecord;
}

export async function getItem(id: string): Promise<ChecklistItemRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.checklistItem(id), ConsistentRead: true }));
  return Item ? strip(Item) : undefined;
}

/** For the tracking page (the feedback feature): the item a suggestion landed in. */
export async function getChecklistItem(id: string): Promise<{ id: string; title: string; status: ItemStatus; deadline: string | null } | undefined> {
  const item = await getItem(id);
  return item ? { id: item.id, title: item.title, status: item.status, deadline: item.deadline } : undefined;
}

/** All items of a campaign (items, not suggestions: a few hundred at most in practice). */
export async function campaignItems(campaignId: string): Promise<ChecklistItemRecord[]> {
  const out: ChecklistItemRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.campaignChecklist(campaignId).gsi1pk }, ExclusiveStartKey: start,
    }));
    out.push(...(page.Items ?? []).map(strip));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** The put of a new item, for a transaction: it must not exist yet. */
export function newItemPut(r: ChecklistItemRecord) {
  return { Put: { TableName: table(), Item: itemRow(r), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** The tally's update of an item, for a transaction: only over the version it read. */
export function itemSummaryUpdate(r: ChecklistItemRecord, summary: ItemSummary, title: string, at: string) {
  return {
    Update: {
      TableName: table(), Key: keys.checklistItem(r.id),
      UpdateExpression: `SET summary = :s, version = :next, updatedAt = :at${r.titleByAdmin ? '' : ', title = :title'}`,
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':s': summary, ':next': r.version + 1, ':v': r.version, ':at': at, ...(r.titleByAdmin ? {} : { ':title': title }) },
    },
  };
}

/** Replaces an item's admin-owned fields (and summary) over the version read; false when someone wrote first. */
export async function saveItem(r: ChecklistItemRecord, expectedVersion: number): Promise<boolean> {
  try {
    await db().send(new PutCommand({
      TableName: table(), Item: itemRow({ ...r, version: expectedVersion + 1 }),
      ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion },
    }));
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/** The tally's campaign-wide statistics (document frequencies of bigrams), pattern 23. */
export async function getTallyStats(campaignId: string): Promise<Pick<TallyState, 'docs' | 'df'>> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.tallyStats(campaignId) }));
  return { docs: (Item?.docs as number) ?? 0, df: (Item?.df as Record<string, number>) ?? {} };
}

/** Keeps the commonest bigrams only (an item stays well under 400 KB); rarer ones weigh as unseen. */
const MAX_DF_ENTRIES = 12_000;

export async function putTallyStats(campaignId: string, stats: Pick<TallyState, 'docs' | 'df'>): Promise<void> {
  const df = Object.entries(stats.df);
  const kept = df.length <= MAX_DF_ENTRIES ? stats.df : Object.fromEntries(df.sort((a, b) => b[1] - a[1]).slice(0, MAX_DF_ENTRIES));
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.tallyStats(campaignId), type: 'tallyStats', docs: stats.docs, df: kept } }));
}

/** Suggestions waiting for the tally (pattern 16), oldest first, at most `limit`. */
export async function pendingSuggestions(campaignId: string, limit: number): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.tallyPendingPartition(campaignId).gsi3pk },
      ExclusiveStartKey: start, Limit: Math.min(500, limit - out.length),
    }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start && out.length < limit);
  return out;
}

/** How many suggestions still wait (for the admin page). */
export async function pendingCount(campaignId: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk', Select: 'COUNT',
      ExpressionAttributeValues: { ':pk': keys.tallyPendingPartition(campaignId).gsi3pk }, ExclusiveStartKey: start,
    }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}


/** The item that now stands for `id`: itself, or the item it was merged into (following merges). */
export function liveRecord(id: string, records: Map<string, ChecklistItemRecord>): ChecklistItemRecord | undefined {
  let r = records.get(id);
  for (let hops = 0; r?.summary.mergedInto && hops < 20; hops++) r = records.get(r.summary.mergedInto);
  return r && !r.summary.mergedInto ? r : undefined;
}

/** A whole item written over the version read, for a transaction (admin edits). */
export function itemPutOver(r: ChecklistItemRecord, expectedVersion: number) {
  return {
    Put: {
      TableName: table(), Item: itemRow({ ...r, version: expectedVersion + 1 }),
      ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion },
    },
  };
}
