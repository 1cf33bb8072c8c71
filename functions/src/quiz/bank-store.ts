import { createHash } from 'node:crypto';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import { questionFingerprint, type AdminQuestion, type Bank, type QuestionContent } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { newId } from '../lib/ids';
import { conflict } from '../lib/problem';

export interface BankRecord {
  id: string;
  title: string;
  orgId: string;
  orgPath: string;
  createdBy: string;
  createdAt: string;
}

export interface QuestionRecord extends QuestionContent {
  id: string;
  bankId: string;
  fingerprint: string;
  /** Bumped on every edit; attempts keep their own copy, so edits never reach graded attempts. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

const strip = ({ pk: _pk, sk: _sk, gsi2pk: _a, gsi2sk: _b, type: _t, ...rest }: Record<string, unknown>) => rest;

export function fingerprintHash(q: Pick<QuestionContent, 'type' | 'stem' | 'options'>): string {
  return createHash('sha256').update(questionFingerprint(q)).digest('base64url');
}

export function bankItem(b: BankRecord) {
  return { ...keys.questionBank(b.id), ...keys.banksInOrg(), ...keys.bankOrgSort(b.orgPath, b.createdAt, b.id), type: 'questionBank', ...b };
}

export async function createBank(b: BankRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: bankItem(b), ConditionExpression: 'attribute_not_exists(pk)' }));
}

export async function getBank(id: string): Promise<BankRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.questionBank(id) }));
  return Item ? (strip(Item) as unknown as BankRecord) : undefined;
}

export async function countQuestions(bankId: string): Promise<number> {
  const { pk, skPrefix } = keys.questionsPrefix(bankId);
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), Select: 'COUNT', ExclusiveStartKey: start,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
    }));
    n += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return n;
}

export async function publicBank(b: BankRecord): Promise<Bank> {
  return { id: b.id, title: b.title, orgId: b.orgId, questionCount: await countQuestions(b.id), createdAt: b.createdAt };
}

export async function listBanks(orgPath: string, limit: number, cursor: string | undefined) {
  const page = await db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi2', Limit: limit, ScanIndexForward: false,
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':pk': keys.banksInOrg().gsi2pk, ':path': orgPath },
    ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk', 'gsi2pk', 'gsi2sk']),
  }));
  const banks = (page.Items ?? []).map((i) => strip(i) as unknown as BankRecord);
  return { items: await Promise.all(banks.map(publicBank)), nextCursor: encodeCursor(page.LastEvaluatedKey) };
}

export function adminQuestion(q: QuestionRecord): AdminQuestion {
  const { fingerprint: _f, ...rest } = q;
  return rest;
}

/** `type` is the item kind in this table, so a question's own type is stored as `questionType`. */
export function questionItem(q: QuestionRecord) {
  const { type: questionType, ...rest } = q;
  return { ...keys.question(q.bankId, q.id), ...rest, type: 'question', questionType };
}

function fromQuestionItem(item: Record<string, unknown>): QuestionRecord {
  const { questionType, ...rest } = strip(item);
  return { ...rest, type: questionType } as unknown as QuestionRecord;
}

export function fingerprintItem(bankId: string, hash: string, questionId: string) {
  return { ...keys.questionFingerprint(bankId, hash), type: 'questionFingerprint', questionId };
}

/** One page of a bank's questions (admin view, answers included). */
export async function listQuestions(bankId: string, limit: number, cursor: string | undefined) {
  const { pk, skPrefix } = keys.questionsPrefix(bankId);
  const page = await db().send(new QueryCommand({
    TableName: table(), Limit: limit, ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk']),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
  }));
  return { items: (page.Items ?? []).map((i) => adminQuestion(fromQuestionItem(i))), nextCursor: encodeCursor(page.LastEvaluatedKey) };
}

/** Every question of a bank (for a draw or to check fixed ids). Banks hold hundreds, not millions. */
export async function allQuestions(bankId: string): Promise<QuestionRecord[]> {
  const { pk, skPrefix } = keys.questionsPrefix(bankId);
  const out: QuestionRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), ExclusiveStartKey: start,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
    }));
    out.push(...(page.Items ?? []).map(fromQuestionItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

export async function getQuestion(bankId: string, questionId: string): Promise<QuestionRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.question(bankId, questionId), ConsistentRead: true }));
  return Item ? fromQuestionItem(Item) : undefined;
}

async function existingFingerprints(bankId: string, hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [table()]: { Keys: hashes.slice(i, i + 100).map((h) => keys.questionFingerprint(bankId, h)) },
    };
    while (request && Object.keys(request).length) {
      const res = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const it of res.Responses?.[table()] ?? []) found.add((it.sk as string).slice('QFP#'.length));
      request = res.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

function newQuestion(bankId: string, content: QuestionContent, now: Date, n: number): QuestionRecord {
  const at = now.toISOString();
  return { id: newId(now.getTime() + n), bankId, ...content, fingerprint: fingerprintHash(content), version: 1, createdAt: at, updatedAt: at };
}

async function writeQuestions(qs: QuestionRecord[]): Promise<void> {
  await db().send(new TransactWriteCommand({
    TransactItems: qs.flatMap((q) => [
      { Put: { TableName: table(), Item: fingerprintItem(q.bankId, q.fingerprint, q.id), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table(), Item: questionItem(q), ConditionExpression: 'attribute_not_exists(pk)' } },
    ]),
  }));
}

const PER_TRANSACTION = 50; // two items a question, 100 a transaction

/**
 * Stores validated questions. A question already in the bank (same stem and options), or twice in
 * the file, is skipped. Each chunk is one transaction; a chunk racing another import is redone one by one.
 */
export async function importQuestions(bankId: string, contents: QuestionContent[], now: Date): Promise<{ imported: number; skipped: number }> {
  const seen = new Set<string>();
  const fresh: QuestionRecord[] = [];
  contents.forEach((c, i) => {
    const q = newQuestion(bankId, c, now, i);
    if (!seen.has(q.fingerprint)) fresh.push(q);
    seen.add(q.fingerprint);
  });
  const existing = await existingFingerprints(bankId, fresh.map((q) => q.fingerprint));
  const todo = fresh.filter((q) => !existing.has(q.fingerprint));
  let imported = 0;
  for (let i = 0; i < todo.length; i += PER_TRANSACTION) {
    const chunk = todo.slice(i, i + PER_TRANSACTION);
    try {
      await writeQuestions(chunk);
      imported += chunk.length;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      for (const q of chunk) {
        try {
          await writeQuestions([q]);
          imported++;
        } catch (e) {
          if (!(e instanceof TransactionCanceledException)) throw e;
        }
      }
    }
  }
  return { imported, skipped: contents.length - imported };
}

export async function addQuestion(bankId: string, content: QuestionContent, now: Date): Promise<QuestionRecord> {
  const q = newQuestion(bankId, content, now, 0);
  try {
    await writeQuestions([q]);
  } catch (err) {
    if (err instanceof TransactionCanceledException) throw conflict('题库中已有相同的题目（题干和选项相同）');
    throw err;
  }
  return q;
}

/** Replaces a question's content; its fingerprint moves with it. Attempts keep the copy they started with. */
export async function updateQuestion(old: QuestionRecord, content: QuestionContent, now: Date): Promise<QuestionRecord> {
  const q: QuestionRecord = { ...old, ...content, fingerprint: fingerprintHash(content), version: old.version + 1, updatedAt: now.toISOString() };
  const moved = q.fingerprint !== old.fingerprint;
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(), Item: questionItem(q),
            ConditionExpression: 'attribute_exists(pk) AND version = :v', ExpressionAttributeValues: { ':v': old.version },
          },
        },
        ...(moved
          ? [
              { Delete: { TableName: table(), Key: keys.questionFingerprint(old.bankId, old.fingerprint) } },
              { Put: { TableName: table(), Item: fingerprintItem(q.bankId, q.fingerprint, q.id), ConditionExpression: 'attribute_not_exists(pk)' } },
            ]
          : []),
      ],
    }));
  } catch (err) {
    if (err instanceof TransactionCanceledException) {
      const reasons = err.CancellationReasons ?? [];
      if (reasons[2]?.Code === 'ConditionalCheckFailed') throw conflict('题库中已有相同的题目（题干和选项相同）');
      throw conflict('这道题刚被其他人修改过，请刷新后重试');
    }
    throw err;
  }
  return q;
}
