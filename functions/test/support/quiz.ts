import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { GetItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { localClient } from '../../../scripts/lib/dynamo-local';
import type { TestApi } from './test-api';

export const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures', name));

export interface FixtureQuestion {
  type: string;
  stem: string;
  options: string[];
  answerTexts: string[];
  explanation: string;
}

/** The good fixture bank, with each right answer as option texts (what a member would know). */
export function fixtureQuestions(): FixtureQuestion[] {
  const rows = parse(fixture('quiz-bank-good.csv').toString('utf8'), { columns: true }) as Record<string, string>[];
  return rows.map((r) => {
    const options = r.type === 'judge' ? ['对', '错'] : ['A', 'B', 'C', 'D', 'E', 'F'].map((k) => r[`option${k}`]!).filter(Boolean);
    const answerTexts = r.type === 'judge' ? [r.answer!] : r.answer!.split('').map((k) => r[`option${k}`]!);
    return { type: r.type!, stem: r.stem!, options, answerTexts, explanation: r.explanation! };
  });
}

interface ShownQuestion {
  id: string;
  stem: string;
  options: { key: string; text: string }[];
}

/** The letters this attempt shows for the right answer of each question. */
export function rightAnswers(questions: ShownQuestion[]): Record<string, string[]> {
  const bank = new Map(fixtureQuestions().map((q) => [q.stem, q]));
  return Object.fromEntries(questions.map((q) => {
    const f = bank.get(q.stem)!;
    return [q.id, q.options.filter((o) => f.answerTexts.includes(o.text)).map((o) => o.key).sort()];
  }));
}

/** The letters of a wrong answer of each question. */
export function wrongAnswers(questions: ShownQuestion[]): Record<string, string[]> {
  const bank = new Map(fixtureQuestions().map((q) => [q.stem, q]));
  return Object.fromEntries(questions.map((q) => {
    const f = bank.get(q.stem)!;
    return [q.id, [q.options.find((o) => !f.answerTexts.includes(o.text))!.key]];
  }));
}

/** A bank holding the good fixture, created by dev-admin. */
export async function seedBank(api: TestApi, admin: string): Promise<string> {
  const bank = await api.request('POST', '/admin/question-banks', { token: admin, body: { title: '测试题库' } });
  if (bank.status !== 201) throw new Error(bank.text);
  const imp = await api.request('POST', `/admin/question-banks/${bank.json.id}/import`, { token: admin, rawBody: fixture('quiz-bank-good.csv'), headers: { 'content-type': 'text/csv' } });
  if (imp.status !== 200) throw new Error(imp.text);
  return bank.json.id as string;
}

export async function createQuiz(api: TestApi, token: string, body: Record<string, unknown>) {
  const res = await api.request('POST', '/admin/quizzes', { token, body: { title: '测试', timeLimitSeconds: 600, attemptsAllowed: 1, passScore: 10, ...body } });
  if (res.status !== 201) throw new Error(`createQuiz: ${res.status} ${res.text}`);
  return res.json;
}

/** Items of the table, read straight from DynamoDB Local. */
export async function tableItem(api: TestApi, pk: string, sk: string): Promise<Record<string, any> | undefined> {
  const client = localClient(api.endpoint);
  try {
    const { Item } = await client.send(new GetItemCommand({ TableName: api.tableName, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }));
    return Item ? unmarshall(Item) : undefined;
  } finally {
    client.destroy();
  }
}

export async function archiveOf(api: TestApi, userId: string): Promise<Record<string, any>[]> {
  const client = localClient(api.endpoint);
  try {
    const { Items } = await client.send(new QueryCommand({
      TableName: api.tableName, ConsistentRead: true, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': { S: `USER#${userId}` }, ':p': { S: 'ARCHIVE#' } },
    }));
    return (Items ?? []).map((i) => unmarshall(i));
  } finally {
    client.destroy();
  }
}

/** Moves an attempt's deadline into the past, as if its time had run out (the server's clock is real). */
export async function expireAttempt(api: TestApi, attemptId: string, secondsAgo = 120): Promise<void> {
  const client = localClient(api.endpoint);
  try {
    const ms = Date.now() - secondsAgo * 1000;
    await client.send(new UpdateItemCommand({
      TableName: api.tableName, Key: { pk: { S: `ATTEMPT#${attemptId}` }, sk: { S: 'ATTEMPT' } },
      UpdateExpression: 'SET deadlineMs = :ms, deadline = :iso', ExpressionAttributeValues: { ':ms': { N: String(ms) }, ':iso': { S: new Date(ms).toISOString() } },
    }));
  } finally {
    client.destroy();
  }
}
