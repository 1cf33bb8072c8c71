import { GetCommand, QueryCommand, TransactWriteCommand } from '../lib/dynamo';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';

/**
 * Links a suggestion to the WeChat user who submitted it (N9, N10). The link is kept apart from the
 * suggestion item on purpose: admin lists, exports and stats read only the suggestion, so they can
 * never show who a guest is. Idempotent: submitting again (a duplicate) writes the same link.
 */
export async function linkSubmitter(suggestionId: string, createdAt: string, openid: string): Promise<void> {
  await db().send(new TransactWriteCommand({ TransactItems: submitterLinkPuts(suggestionId, createdAt, openid) }));
}

/** The link's two items, for writing inside the transaction that stores the suggestion. */
export function submitterLinkPuts(suggestionId: string, createdAt: string, openid: string) {
  return [
    { Put: { TableName: table(), Item: { ...keys.submitter(suggestionId), type: 'submitter', openid } } },
    { Put: { TableName: table(), Item: { ...keys.mySuggestion(openid, createdAt, suggestionId), type: 'mySuggestion', suggestionId } } },
  ];
}

export async function submitterOf(suggestionId: string): Promise<{ openid: string; userId?: string } | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.submitter(suggestionId) }));
  if (!Item) return undefined;
  const openid = Item.openid as string;
  const { Item: link } = await db().send(new GetCommand({ TableName: table(), Key: keys.openid(openid) }));
  return { openid, ...(link ? { userId: link.userId as string } : {}) };
}

/** The ids of the suggestions an openid submitted, newest first (at most the latest 100). */
export async function suggestionIdsOf(openid: string): Promise<string[]> {
  const res = await db().send(new QueryCommand({
    TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.mySuggestionsOf(openid).pk },
    ScanIndexForward: false, Limit: 100,
  }));
  return (res.Items ?? []).map((it) => it.suggestionId as string);
}
