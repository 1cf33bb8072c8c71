import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { toShownKeys } from '@kaimen/shared';
import { localClient } from '../../../scripts/lib/dynamo-local';
import { tableItem } from './quiz';
import type { TestApi } from './test-api';

interface StoredQuestion {
  id: string;
  options: { key: string }[];
  order: string[];
  answer: string[];
}

/** The right letters of a stored play question (read from the table: the API never sends them before an answer). */
export const rightOf = (q: StoredQuestion) => toShownKeys(q.answer, q.order);
export const wrongOf = (q: StoredQuestion) => [q.options.map((o) => o.key).find((k) => !rightOf(q).includes(k))!];

export async function storedQuestions(api: TestApi, pk: string, sk: string): Promise<StoredQuestion[]> {
  return (await tableItem(api, pk, sk))!.questions as StoredQuestion[];
}

/** Moves a round's open question back in time (its countdown over, or its time run out). */
export async function shiftDuel(api: TestApi, duelId: string, openMsAgo: number): Promise<void> {
  const client = localClient(api.endpoint);
  try {
    await client.send(new UpdateItemCommand({
      TableName: api.tableName, Key: { pk: { S: `DUEL#${duelId}` }, sk: { S: 'DUEL' } },
      UpdateExpression: 'SET openMs = :ms', ExpressionAttributeValues: { ':ms': { N: String(Date.now() - openMsAgo) } },
    }));
  } finally {
    client.destroy();
  }
}

/** Moves a challenge run's clocks into the past, as if its member had walked away from it. */
export async function expireChallenge(api: TestApi, runId: string): Promise<void> {
  const client = localClient(api.endpoint);
  try {
    await client.send(new UpdateItemCommand({
      TableName: api.tableName, Key: { pk: { S: `CHALRUN#${runId}` }, sk: { S: 'CHALRUN' } },
      UpdateExpression: 'SET deadlineMs = :ms, questionDeadlineMs = :ms', ExpressionAttributeValues: { ':ms': { N: String(Date.now() - 60_000) } },
    }));
  } finally {
    client.destroy();
  }
}
