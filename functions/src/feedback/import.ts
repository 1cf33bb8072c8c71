import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
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
 * Stores validated rows. Rows whose externalId was imported before are skipped. Each chunk is one
 * transaction; a chunk that races another import of the same rows is retried row by row. No new chunk
 * is started after `deadline` (epoch ms): the chunks written are then a prefix of the rows, and
 * `nextRow` says where to go on (the caller sends the same file again from there).
 */
export async function importRows(
  c: CampaignRecord, rows: ImportRow[], now: Date, deadline = Infinity,
): Promise<{ imported: number; skipped: number; nextRow?: number }> {
  const existing = await alreadyImported(c.id, rows.flatMap((r) => (r.externalId ? [r.externalId] : [])));
  const isOld = rows.map((r) => Boolean(r.externalId && existing.has(r.externalId)));
  const fresh = rows.flatMap((r, i) => (isOld[i] ? [] : [{ rec: record(c, r, now, i), row: i }]));
  let imported = 0;
  let raced = 0;
  const chunks: (typeof fresh)[] = [];
  for (let i = 0; i < fresh.length; i += ROWS_PER_TRANSACTION) chunks.push(fresh.slice(i, i + ROWS_PER_TRANSACTION));
  // Independent chunks go a few at a time: 5,000 rows one transaction after another overran the
  // request's time limit on a busy machine (issue 11).
  let next = 0;
  const worker = async () => {
    // Each worker writes at least one chunk, so that a client going on from `nextRow` always gets further.
    for (let first = true; next < chunks.length && (first || Date.now() < deadline); first = false) {
      const chunk = chunks[next++] as typeof fresh;
      try {
        // Read the total only after the write: `imported += await …` would add to the value read
        // before the await and lose what other workers counted meanwhile.
        const written = await writeRows(c, chunk);
        imported += written;
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err;
        for (const row of chunk) {
          try {
            const written = await writeRows(c, [row]);
            imported += written;
          } catch (e) {
            if (!(e instanceof TransactionCanceledException)) throw e;
            raced++;
          }
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_TRANSACTIONS }, worker));
  const nextRow = next < chunks.length ? (chunks[next] as typeof fresh)[0]!.row : rows.length;
  const skipped = isOld.slice(0, nextRow).filter(Boolean).length + raced;
  return nextRow < rows.length ? { imported, skipped, nextRow } : { imported, skipped };
}
