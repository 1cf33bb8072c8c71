import { BatchGetCommand, TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import type { ImportRow } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { newId } from '../lib/ids';
import { suggestionItem, type SuggestionRecord } from './suggestion-store';
import type { CampaignRecord } from './campaign-store';

const ROWS_PER_TRANSACTION = 50; // two items a row, 100 items a transaction at most
const CONCURRENT_TRANSACTIONS = 4;

function record(c: CampaignRecord, r: ImportRow, now: Date, i: number): SuggestionRecord {
  const createdAt = now.toISOString();
  return {
    id: newId(now.getTime() + i),
    campaignId: c.id,
    campaignOrgPath: c.orgPath,
    category: r.category,
    content: r.content.trim(),
    channel: r.channel,
    anonymous: true,
    createdAt,
    submittedAt: r.submittedAt ?? createdAt,
    ...(r.externalId ? { externalId: r.externalId } : {}),
  };
}

async function alreadyImported(campaignId: string, externalIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < externalIds.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [table()]: { Keys: externalIds.slice(i, i + 100).map((e) => keys.externalId(campaignId, e)) },
    };
    while (request && Object.keys(request).length) {
      const res = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const it of res.Responses?.[table()] ?? []) found.add(it.externalId as string);
      request = res.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

async function writeRows(c: CampaignRecord, rows: { rec: SuggestionRecord }[]): Promise<number> {
  const items = rows.flatMap(({ rec }) => [
    { Put: { TableName: table(), Item: suggestionItem(rec), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...(rec.externalId
      ? [{ Put: { TableName: table(), Item: { ...keys.externalId(c.id, rec.externalId), type: 'externalId', externalId: rec.externalId, suggestionId: rec.id }, ConditionExpression: 'attribute_not_exists(pk)' } }]
      : []),
  ]);
  await db().send(new TransactWriteCommand({ TransactItems: items }));
  return rows.length;
}

/**
 * Stores validated rows. Rows whose externalId was imported before are skipped. The file is taken in
 * chunks of consecutive rows, a few at a time; each chunk checks its own external ids (one read), then
 * writes its new rows in one transaction; a chunk that races another import of the same rows is retried
 * row by row. No new chunk is started after `deadline` (epoch ms): the chunks done are then a prefix of
 * the rows, and `nextRow` says where to go on (the caller sends the same file again from there).
 */
export async function importRows(
  c: CampaignRecord, rows: ImportRow[], now: Date, deadline = Infinity,
): Promise<{ imported: number; skipped: number; nextRow?: number }> {
  let imported = 0;
  let skipped = 0;
  const chunks: { first: number; rows: ImportRow[] }[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_TRANSACTION) chunks.push({ first: i, rows: rows.slice(i, i + ROWS_PER_TRANSACTION) });
  // Independent chunks go a few at a time: 5,000 rows one transaction after another overran the
  // request's time limit on a busy machine (issue 11). Each chunk reads only its own external ids, so a
  // request going on from `nextRow` of a large file spends its time writing, not re-checking the file.
  let next = 0;
  const worker = async () => {
    // Each worker does at least one chunk, so that a client going on from `nextRow` always gets further.
    for (let first = true; next < chunks.length && (first || Date.now() < deadline); first = false) {
      const chunk = chunks[next++]!;
      const existing = await alreadyImported(c.id, chunk.rows.flatMap((r) => (r.externalId ? [r.externalId] : [])));
      const fresh = chunk.rows.flatMap((r, k) => (r.externalId && existing.has(r.externalId) ? [] : [{ rec: record(c, r, now, chunk.first + k) }]));
      skipped += chunk.rows.length - fresh.length;
      if (fresh.length === 0) continue;
      try {
        // Read the total only after the write: `imported += await …` would add to the value read
        // before the await and lose what other workers counted meanwhile.
        const written = await writeRows(c, fresh);
        imported += written;
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err;
        for (const row of fresh) {
          try {
            const written = await writeRows(c, [row]);
            imported += written;
          } catch (e) {
            if (!(e instanceof TransactionCanceledException)) throw e;
            skipped++;
          }
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_TRANSACTIONS }, worker));
  const nextRow = next < chunks.length ? chunks[next]!.first : rows.length;
  return nextRow < rows.length ? { imported, skipped, nextRow } : { imported, skipped };
}
