import { TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import { itemTitle, mergeSummaries, singletonSummary, withMember, withoutMember, type ItemSummary, type TallyInput } from '@kaimen/shared/tally/index';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { newId } from '../lib/ids';
import { conflict, notFound, validationFailed } from '../lib/problem';
import type { SuggestionRecord } from '../feedback/suggestion-store';
import { getItem, itemPutOver, newItemPut, type ChecklistItemRecord } from './store';

/**
 * Admins' regrouping: merge two items, move a suggestion to another item or out on its own. Each is ONE
 * transaction over the versions read (items) and the suggestion's current item, so it either happens
 * whole or not at all, and a tally running meanwhile reloads and plans again. The tally never moves a
 * suggestion it has already placed, and sends what an item merged away would have received to the item
 * it was merged into: later tallies never undo these decisions.
 */

type Writes = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

/** True when committed; false when something changed under us (the caller reads again and retries). */
async function commit(writes: Writes): Promise<boolean> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: writes }));
    return true;
  } catch (err) {
    if (err instanceof TransactionCanceledException) return false;
    throw err;
  }
}

function retitled(r: ChecklistItemRecord, summary: ItemSummary, at: string): ChecklistItemRecord {
  return { ...r, summary, title: r.titleByAdmin ? r.title : itemTitle(summary), updatedAt: at };
}

/** The live item standing for `id` (following merges), read from the table. */
export async function liveItem(id: string): Promise<ChecklistItemRecord | undefined> {
  let r = await getItem(id);
  for (let hops = 0; r?.summary.mergedInto && hops < 20; hops++) r = await getItem(r.summary.mergedInto);
  return r && !r.summary.mergedInto ? r : undefined;
}

/** `into` absorbs `from`; both must be live items of the same campaign. Returns `into` as written. */
export async function mergeItems(into: ChecklistItemRecord, fromId: string, at: string): Promise<ChecklistItemRecord | null> {
  if (fromId === into.id) throw validationFailed('不能把事项合并到它自己', [{ path: 'from', message: '请选择另一个事项' }]);
  const from = await getItem(fromId);
  if (!from || from.summary.mergedInto || from.campaignId !== into.campaignId) {
    throw validationFailed('要并入的事项不存在或已被合并', [{ path: 'from', message: '请选择同一活动中的另一个事项' }]);
  }
  const merged = retitled(into, mergeSummaries(into.summary, from.summary), at);
  const gone: ChecklistItemRecord = { ...from, summary: { ...from.summary, mergedInto: into.id }, published: false, updatedAt: at };
  const ok = await commit([itemPutOver(merged, into.version), itemPutOver(gone, from.version)]);
  return ok ? { ...merged, version: into.version + 1 } : null;
}

export function tallyInputOf(s: SuggestionRecord): TallyInput {
  return { id: s.id, content: s.content, category: s.category, channel: s.channel, submittedAt: s.submittedAt ?? s.createdAt };
}

export interface Moved {
  suggestionId: string;
  fromItemId: string;
  toItemId: string;
  newItem: boolean;
}

/**
 * Moves a tallied suggestion from its item to `toItemId` (a live item of the same campaign) or, without
 * one, into a new item of its own. Null when something changed under us.
 */
export async function moveSuggestion(s: SuggestionRecord, toItemId: string | undefined, at: string): Promise<Moved | null> {
  if (s.moderation) throw conflict('已标记为无效或重复的意见不计入整改清单，不能移动');
  if (!s.checklistItemId) throw conflict('这条意见尚未归并到整改清单，请先运行归并');
  const current = await liveItem(s.checklistItemId);
  if (!current) throw notFound('这条意见所在的整改事项不存在');
  const input = tallyInputOf(s);
  const suggestionUpdate = (to: string) => ({
    Update: {
      TableName: table(), Key: keys.suggestion(s.id),
      UpdateExpression: 'SET checklistItemId = :to',
      ConditionExpression: 'checklistItemId = :old AND attribute_not_exists(moderation) AND attribute_not_exists(gsi3pk)',
      ExpressionAttributeValues: { ':to': to, ':old': s.checklistItemId },
    },
  });
  const left = retitled(current, withoutMember(current.summary, input), at);

  if (toItemId === undefined) {
    const id = newId(Date.parse(at));
    const summary = singletonSummary(id, input);
    const created: ChecklistItemRecord = {
      id, campaignId: s.campaignId, title: itemTitle(summary), status: 'open', owner: null, deadline: null, target: null, progress: null,
      notes: [], published: false, summary, version: 1, createdAt: at, updatedAt: at,
    };
    const ok = await commit([suggestionUpdate(id), itemPutOver(left, current.version), newItemPut(created)]);
    return ok ? { suggestionId: s.id, fromItemId: current.id, toItemId: id, newItem: true } : null;
  }

  const target = await liveItem(toItemId);
  if (!target || target.campaignId !== s.campaignId) {
    throw validationFailed('目标事项不存在', [{ path: 'toItemId', message: '请选择同一活动中的整改事项' }]);
  }
  if (target.id === current.id) throw validationFailed('这条意见已在该事项中', [{ path: 'toItemId', message: '请选择另一个事项' }]);
  const joined = retitled(target, withMember(target.summary, input), at);
  const ok = await commit([suggestionUpdate(target.id), itemPutOver(left, current.version), itemPutOver(joined, target.version)]);
  return ok ? { suggestionId: s.id, fromItemId: current.id, toItemId: target.id, newItem: false } : null;
}
