import { TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import { itemTitle, mergeSummaries, Tally, tallyLessons, withoutMember, type ItemSummary, type TallyInput } from '@kaimen/shared/tally/index';
import { loadJieba } from '@kaimen/shared/tally/jieba';
import { getCampaign } from '../feedback/campaign-store';
import { logger } from '../lib/logger';
import { lessonsOf } from './lesson-store';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { newId } from '../lib/ids';
import {
  campaignItems, getItem, getTallyStats, isManualItem, itemPutOver, itemSummaryUpdate, liveRecord, newItemPut, pendingSuggestions, putTallyStats, type ChecklistItemRecord,
} from './store';

/** At most this many suggestions per run (the next run, 15 minutes later or on demand, takes the rest). */
export const TALLY_BATCH = 5_000;

export interface TallyOutcome {
  processed: number;
  newItems: number;
  updatedItems: number;
  /** Items the consolidation pass joined into others. */
  consolidated?: number;
  /** The run stopped early (its time was nearly up); what is left stays queued. */
  stopped?: boolean;
}

/**
 * Test hook: `KAIMEN_TALLY_FAIL_AFTER=N` makes a run die after N committed transactions, as a Lambda
 * killed half way would. Read at every run; never set outside tests.
 */
function failAfter(): number {
  const v = Number(process.env.KAIMEN_TALLY_FAIL_AFTER);
  return Number.isFinite(v) && v > 0 ? v : Infinity;
}

/** Suggestions planned together: the members of one item among them are committed together. */
const WINDOW = 500;
/** Test hook: `KAIMEN_TALLY_WINDOW=N` plans N at a time, so that a few hundred suggestions make several windows. */
function windowSize(): number {
  const v = Number(process.env.KAIMEN_TALLY_WINDOW);
  return Number.isInteger(v) && v > 0 ? v : WINDOW;
}
/** DynamoDB's limit of actions in one transaction: the dequeues of up to 99 suggestions + their item. */
const MAX_TRANSACTION_ACTIONS = 100;

type Writes = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

/** One run's state: the model, the item records as last written, and what the run did. */
interface Run {
  campaignId: string;
  at: string;
  tally: Tally;
  records: Map<string, ChecklistItemRecord>;
  limit: number;
  committed: number;
  processed: number;
  created: Set<string>;
  updated: Set<string>;
}

/**
 * Runs the tally of one campaign: every suggestion waiting in the sparse queue (pattern 16) joins an
 * item or starts one. A suggestion is counted in ONE transaction that takes it out of the queue (on
 * the condition that it is still queued) and writes its item over the version read; the new members of
 * one item are batched, up to 99 in a transaction, with the item's summary after exactly those members.
 * So a second run, concurrent or later, can never count a suggestion again, and a run killed half way
 * leaves only whole transactions behind; the next run carries on from the queue. When a batch fails
 * (another run took one of its suggestions, an admin changed the item), the item is reloaded and its
 * remaining suggestions go one by one. Reads: the new suggestions, the campaign's items (not its
 * suggestions), one statistics record.
 */
export async function runTally(
  campaignId: string, now: Date, onProgress?: (so: TallyOutcome) => Promise<void>, shouldStop: () => boolean = () => false,
): Promise<TallyOutcome> {
  const pending = await pendingSuggestions(campaignId, TALLY_BATCH);
  if (pending.length === 0) return { processed: 0, newItems: 0, updatedItems: 0 };

  const segmenter = await loadJieba();
  if (segmenter !== 'jieba') logger.warn('jieba is not available here: the tally segments words with Intl.Segmenter');
  const campaign = await getCampaign(campaignId);
  const lessons = campaign ? tallyLessons(await lessonsOf(campaign.orgPath)) : undefined;
  const records = new Map<string, ChecklistItemRecord>();
  // Hand-made items (民主生活会, 自查 …) are not the public's: no suggestion ever joins them.
  for (const r of await campaignItems(campaignId)) if (!isManualItem(r)) records.set(r.id, r);
  const stats = await getTallyStats(campaignId);
  const tally = new Tally({ ...stats, items: [...records.values()].map((r) => r.summary) }, () => newId(now.getTime()), lessons);
  for (const r of records.values()) if (r.titleByAdmin) tally.protect(r.id);
  const run: Run = {
    campaignId, at: now.toISOString(), tally, records, limit: failAfter(), committed: 0, processed: 0, created: new Set(), updated: new Set(),
  };

  const size = windowSize();
  for (let i = 0; i < pending.length; i += size) {
    const window = pending.slice(i, i + size);
    const singles = await commitBatches(window.filter((s) => !s.moderation && !s.checklistItemId), run);
    for (const s of [...window.filter((x) => x.moderation || x.checklistItemId), ...singles]) await commitSingle(s, run);
    if (onProgress && i + size < pending.length) await onProgress(outcomeOf(run));
    if (i + size < pending.length && shouldStop()) {
      await putTallyStats(campaignId, tally.state());
      return { ...outcomeOf(run), stopped: true };
    }
  }
  const consolidated = await consolidate(run);
  await putTallyStats(campaignId, tally.state());
  return { ...outcomeOf(run), consolidated };
}

/**
 * The consolidation pass: small items that later suggestions show to be one problem are merged into the
 * larger, as an admin's merge is (the smaller points at the larger; its suggestions count there). Each
 * merge is one transaction over the versions read; a merge that meets a change (an admin, another run)
 * is skipped, never retried blindly. Locked, renamed and merged-away items are never touched.
 */
async function consolidate(run: Run): Promise<number> {
  let done = 0;
  for (const { from, into } of run.tally.consolidate()) {
    const a = run.records.get(from);
    const b = run.records.get(into);
    if (!a || !b || a.summary.locked || b.summary.locked || a.titleByAdmin) continue;
    const summary = mergeSummaries(b.summary, a.summary);
    const merged: ChecklistItemRecord = { ...b, summary, title: b.titleByAdmin ? b.title : itemTitle(summary), updatedAt: run.at };
    const gone: ChecklistItemRecord = { ...a, summary: { ...a.summary, mergedInto: into }, published: false, updatedAt: run.at };
    try {
      await db().send(new TransactWriteCommand({ TransactItems: [itemPutOver(merged, b.version), itemPutOver(gone, a.version)] }));
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      continue;
    }
    run.records.set(into, { ...merged, version: b.version + 1 });
    run.records.set(from, { ...gone, version: a.version + 1 });
    done += 1;
  }
  return done;
}

function outcomeOf(run: Run): TallyOutcome {
  return { processed: run.processed, newItems: run.created.size, updatedItems: [...run.updated].filter((id) => !run.created.has(id)).length };
}

function beforeTransaction(run: Run): void {
  if (run.committed >= run.limit) throw new Error('tally stopped by KAIMEN_TALLY_FAIL_AFTER (test hook)');
}

/** Batches that failed are planned again this many times before their suggestions go one by one. */
const BATCH_RETRIES = 3;

/**
 * Places new suggestions in the model, then commits each item's new members in batches. When a batch
 * fails, the suggestions another run took (their own condition failed) are dropped, the item is
 * reloaded, and the rest are planned again. Returns what is still uncommitted after the retries, for
 * the one-by-one path.
 */
async function commitBatches(fresh: Record<string, unknown>[], run: Run, depth = 0): Promise<Record<string, unknown>[]> {
  const groups = new Map<string, { members: Record<string, unknown>[]; after: ItemSummary[]; created: boolean }>();
  for (const s of fresh) {
    const { itemId, created } = run.tally.add(inputOf(s));
    const group = groups.get(itemId) ?? { members: [], after: [], created };
    group.members.push(s);
    group.after.push(structuredClone(run.tally.item(itemId) as ItemSummary));
    groups.set(itemId, group);
  }
  const retry: Record<string, unknown>[] = [];
  for (const [itemId, group] of groups) {
    const size = MAX_TRANSACTION_ACTIONS - 1;
    for (let from = 0; from < group.members.length; from += size) {
      const members = group.members.slice(from, from + size);
      const summary = group.after[from + members.length - 1] as ItemSummary;
      const isNew = group.created && from === 0;
      const record = isNew ? newRecord(itemId, run.campaignId, summary, run.at) : (run.records.get(itemId) as ChecklistItemRecord);
      const written: ChecklistItemRecord = isNew ? record : { ...record, summary, title: record.titleByAdmin ? record.title : itemTitle(summary), version: record.version + 1 };
      const writes: Writes = [
        ...members.map((s) => placeIn(s, itemId, run.at)),
        isNew ? newItemPut(record) : itemSummaryUpdate(record, summary, itemTitle(summary), run.at),
      ];
      beforeTransaction(run);
      try {
        await db().send(new TransactWriteCommand({ TransactItems: writes }));
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err;
        // Another run took some of these suggestions, or the item changed: drop the taken ones,
        // reload the item, and plan the rest again.
        const reasons = err.CancellationReasons ?? [];
        const taken = new Set(members.filter((_, k) => reasons[k]?.Code === 'ConditionalCheckFailed'));
        await refresh([itemId], run.tally, run.records);
        retry.push(...group.members.slice(from).filter((m) => !taken.has(m)));
        break;
      }
      run.committed += 1;
      run.processed += members.length;
      run.records.set(itemId, written);
      (isNew ? run.created : run.updated).add(itemId);
    }
  }
  if (retry.length === 0) return [];
  return depth < BATCH_RETRIES ? commitBatches(retry, run, depth + 1) : retry;
}

/** One suggestion in its own transaction (moderated, already placed, or left over from a failed batch). */
async function commitSingle(s: Record<string, unknown>, run: Run): Promise<void> {
  const { tally, records } = run;
  for (let attempt = 0; attempt < 3; attempt++) {
    beforeTransaction(run);
    const step = planStep(s, tally, records, run.campaignId, run.at);
    try {
      if (step.writes.length > 0) await db().send(new TransactWriteCommand({ TransactItems: step.writes }));
      run.committed += 1;
      run.processed += 1;
      for (const r of step.items) {
        records.set(r.id, r);
        (r.id === step.createdId ? run.created : run.updated).add(r.id);
      }
      return;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = err.CancellationReasons ?? [];
      await refresh(step.touched, tally, records);
      // The suggestion left the queue meanwhile (another run took it): nothing to do.
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return;
      // An item changed under us (an admin, another run): plan again.
    }
  }
}

function inputOf(s: Record<string, unknown>): TallyInput {
  return {
    id: s.id as string, content: s.content as string, category: s.category as string, channel: s.channel as string,
    submittedAt: (s.submittedAt as string) ?? (s.createdAt as string),
  };
}

function newRecord(id: string, campaignId: string, summary: ItemSummary, at: string): ChecklistItemRecord {
  return {
    id, campaignId, title: itemTitle(summary), status: 'open', owner: null, deadline: null, target: null, progress: null, notes: [],
    published: false, summary, version: 1, createdAt: at, updatedAt: at,
  };
}

/** Takes a new suggestion out of the queue into `itemId`, only if it is still queued, unplaced and unmarked. */
function placeIn(s: Record<string, unknown>, itemId: string, at: string) {
  return {
    Update: {
      TableName: table(), Key: keys.suggestion(s.id as string),
      UpdateExpression: 'SET talliedAt = :at, checklistItemId = :item REMOVE gsi3pk, gsi3sk',
      ConditionExpression: 'gsi3pk = :q AND gsi3sk = :qs AND attribute_not_exists(checklistItemId) AND attribute_not_exists(moderation)',
      ExpressionAttributeValues: { ':at': at, ':item': itemId, ':q': s.gsi3pk, ':qs': s.gsi3sk },
    },
  };
}

interface Step {
  writes: Writes;
  /** Item records after the step (version bumped). */
  items: ChecklistItemRecord[];
  /** Items the step read, to reload when it fails. */
  touched: string[];
  createdId?: string;
}

/** Plans one suggestion's transaction on a copy of the model's items (the model is updated in place). */
function planStep(s: Record<string, unknown>, tally: Tally, records: Map<string, ChecklistItemRecord>, campaignId: string, at: string): Step {
  const id = s.id as string;
  const input = inputOf(s);
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
    const record = current ? liveRecord(current, records) : undefined;
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
  const step = placeIn(s, itemId, at);
  if (created) {
    const record = newRecord(itemId, campaignId, summary, at);
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
