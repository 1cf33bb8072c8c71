import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { analyse, bumpHeat, itemTitle, Tally, type ItemSummary, type TallyInput } from '@kaimen/shared/tally/index';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { newId } from '../lib/ids';
import {
  campaignItems, getItem, getTallyStats, itemSummaryUpdate, newItemPut, pendingSuggestions, putTallyStats, type ChecklistItemRecord,
} from './store';

/** At most this many suggestions per run (the next run, 15 minutes later or on demand, takes the rest). */
export const TALLY_BATCH = 5_000;

export interface TallyOutcome {
  processed: number;
  newItems: number;
  updatedItems: number;
}

/**
 * Test hook: `KAIMEN_TALLY_FAIL_AFTER=N` makes a run die after N committed transactions, as a Lambda
 * killed half way would. Read at every run; never set outside tests.
 */
function failAfter(): number {
  const v = Number(process.env.KAIMEN_TALLY_FAIL_AFTER);
  return Number.isFinite(v) && v > 0 ? v : Infinity;
}

/**
 * Runs the tally of one campaign: every suggestion waiting in the sparse queue (pattern 16) joins an
 * item or starts one. Each suggestion is committed in ONE transaction that takes it out of the queue
 * (on the condition that it is still queued) and writes its item over the version read: a second run,
 * concurrent or later, can never count it again, and a run killed half way leaves only whole steps
 * behind; the next run carries on from the queue. Reads: the new suggestions, the campaign's items
 * (not its suggestions), one statistics record.
 */
export async function runTally(campaignId: string, now: Date): Promise<TallyOutcome> {
  const pending = await pendingSuggestions(campaignId, TALLY_BATCH);
  if (pending.length === 0) return { processed: 0, newItems: 0, updatedItems: 0 };

  const records = new Map<string, ChecklistItemRecord>();
  for (const r of await campaignItems(campaignId)) records.set(r.id, r);
  const stats = await getTallyStats(campaignId);
  const tally = new Tally({ ...stats, items: [...records.values()].map((r) => r.summary) }, () => newId(now.getTime()));

  const at = now.toISOString();
  const limit = failAfter();
  let committed = 0;
  let processed = 0;
  const created = new Set<string>();
  const updated = new Set<string>();

  for (const s of pending) {
    if (committed >= limit) throw new Error('tally stopped by KAIMEN_TALLY_FAIL_AFTER (test hook)');
    for (let attempt = 0; attempt < 3; attempt++) {
      const step = planStep(s, tally, records, campaignId, at);
      try {
        if (step.writes.length > 0) await db().send(new TransactWriteCommand({ TransactItems: step.writes }));
        committed += 1;
        processed += 1;
        for (const r of step.items) {
          records.set(r.id, r);
          (r.id === step.createdId ? created : updated).add(r.id);
        }
        break;
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err;
        const reasons = err.CancellationReasons ?? [];
        // The suggestion left the queue meanwhile (another run took it): nothing to do.
        if (reasons[0]?.Code === 'ConditionalCheckFailed') {
          await refresh(step.touched, tally, records);
          break;
        }
        // An item changed under us (an admin, another run): reload it and plan again.
        await refresh(step.touched, tally, records);
      }
    }
  }
  await putTallyStats(campaignId, tally.state());
  return { processed, newItems: created.size, updatedItems: [...updated].filter((id) => !created.has(id)).length };
}

interface Step {
  writes: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;
  /** Item records after the step (version bumped). */
  items: ChecklistItemRecord[];
  /** Items the step read, to reload when it fails. */
  touched: string[];
  createdId?: string;
}

/** Plans one suggestion's transaction on a copy of the model's items (the model is updated in place). */
function planStep(s: Record<string, unknown>, tally: Tally, records: Map<string, ChecklistItemRecord>, campaignId: string, at: string): Step {
  const id = s.id as string;
  const input: TallyInput = {
    id, content: s.content as string, category: s.category as string, channel: s.channel as string,
    submittedAt: (s.submittedAt as string) ?? (s.createdAt as string),
  };
  const current = s.checklistItemId as string | undefined;
  const dequeue = (set: string, values: Record<string, unknown>) => ({
    Update: {
      TableName: table(), Key: keys.suggestion(id),
      UpdateExpression: `SET talliedAt = :at${set} REMOVE gsi3pk, gsi3sk`,
      ConditionExpression: 'gsi3pk = :q AND gsi3sk = :qs',
      ExpressionAttributeValues: { ':at': at, ':q': s.gsi3pk, ':qs': s.gsi3sk, ...values },
    },
  });

  if (s.moderation) {
    // Marked spam or duplicate: out of its item, never counted.
    const record = current ? records.get(current) : undefined;
    if (!record) return { writes: [dequeueRemoving(dequeue)], items: [], touched: current ? [current] : [] };
    const summary = withoutMember(record.summary, input);
    return {
      writes: [dequeueRemoving(dequeue), itemSummaryUpdate(record, summary, itemTitle(summary), at)],
      items: [{ ...record, summary, version: record.version + 1, ...(record.titleByAdmin ? {} : { title: itemTitle(summary) }) }],
      touched: [record.id],
    };
  }
  if (current) {
    // Already in an item (e.g. un-marked before the tally saw the mark): counted there; just dequeue.
    return { writes: [dequeue('', {})], items: [], touched: [] };
  }

  const { itemId, created } = tally.add(input);
  const summary = structuredClone(tally.item(itemId) as ItemSummary);
  const title = itemTitle(summary);
  const step = dequeue(', checklistItemId = :item', { ':item': itemId });
  step.Update.ConditionExpression += ' AND attribute_not_exists(checklistItemId) AND attribute_not_exists(moderation)';
  if (created) {
    const record: ChecklistItemRecord = {
      id: itemId, campaignId, title, status: 'open', owner: null, deadline: null, target: null, progress: null, notes: [],
      published: false, summary, version: 1, createdAt: at, updatedAt: at,
    };
    return { writes: [step, newItemPut(record)], items: [record], touched: [itemId], createdId: itemId };
  }
  const record = records.get(itemId) as ChecklistItemRecord;
  return {
    writes: [step, itemSummaryUpdate(record, summary, title, at)],
    items: [{ ...record, summary, title: record.titleByAdmin ? record.title : title, version: record.version + 1 }],
    touched: [itemId],
  };
}

function dequeueRemoving<T extends { Update: { UpdateExpression: string } }>(dequeue: (set: string, values: Record<string, unknown>) => T): T {
  const step = dequeue('', {});
  step.Update.UpdateExpression += ', checklistItemId';
  return step;
}

/** An item's summary without one member (moderation, or an admin moving it out). */
export function withoutMember(summary: ItemSummary, input: TallyInput): ItemSummary {
  const a = analyse(input.content, input.category);
  const next = structuredClone(summary);
  const dec = (r: Record<string, number>, k: string, by = 1) => {
    if (r[k] === undefined) return;
    r[k] -= by;
    if (r[k] <= 0) delete r[k];
  };
  next.count = Math.max(0, next.count - 1);
  dec(next.services, a.service);
  dec(next.categories, input.category);
  dec(next.channels, input.channel);
  for (const t of a.terms) dec(next.terms, t);
  for (const [g, c] of a.grams) dec(next.grams, g, c);
  Object.assign(next, bumpHeat(next, input.submittedAt, -1));
  return next;
}

/** Reloads items from the table into the model (after a failed step). */
async function refresh(ids: string[], tally: Tally, records: Map<string, ChecklistItemRecord>): Promise<void> {
  for (const id of ids) {
    const fresh = await getItem(id);
    if (fresh) {
      records.set(id, fresh);
      tally.load(fresh.summary);
    } else {
      records.delete(id);
      tally.drop(id);
    }
  }
}
