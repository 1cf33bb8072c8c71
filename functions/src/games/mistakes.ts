import { DeleteCommand, GetCommand, UpdateCommand, ConditionalCheckFailedException } from '../lib/dynamo';
import { afterPractice, isCorrect, MISTAKE_CLEAR_STREAK, type Mistake, type QuestionType, type QuizOption } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict, notFound, validationFailed } from '../lib/problem';
import { originalOptions, type PlayQuestion } from './pool';

export interface Outcome {
  question: Pick<PlayQuestion, 'id' | 'bankId' | 'type' | 'stem' | 'options' | 'order' | 'answer' | 'explanation'>;
  correct: boolean;
  /** 每日答题, 挑战答题, 双人对战, a quiz's title… */
  source: string;
  /** When the mode lets the right answer be seen (null: never). */
  revealAt: string | null;
}

interface MistakeRecord {
  questionId: string;
  bankId: string;
  questionType: QuestionType;
  stem: string;
  options: QuizOption[];
  answer: string[];
  explanation: string;
  source: string;
  wrongCount: number;
  rightInARow: number;
  lastWrongAt: string;
  revealAt: string | null;
}

/**
 * Files each outcome in the member's mistakes book: a wrong answer puts the question in (or back
 * to zero right in a row); a right answer of a question in the book counts towards taking it out.
 */
export async function recordOutcomes(userId: string, outcomes: readonly Outcome[], now: Date): Promise<void> {
  await Promise.all(outcomes.map((o) => (o.correct ? countRight(userId, o.question.bankId, o.question.id) : fileWrong(userId, o, now))));
}

async function fileWrong(userId: string, o: Outcome, now: Date): Promise<void> {
  const q = o.question;
  await db().send(new UpdateCommand({
    TableName: table(), Key: keys.mistake(userId, q.bankId, q.id),
    UpdateExpression: 'SET #type = :t, userId = :u, questionId = :q, bankId = :b, questionType = :qt, stem = :stem, options = :opts, answer = :ans, '
      + 'explanation = :exp, #source = :src, rightInARow = :zero, lastWrongAt = :at, revealAt = :rev ADD wrongCount :one',
    ExpressionAttributeNames: { '#type': 'type', '#source': 'source' },
    ExpressionAttributeValues: {
      ':t': 'mistake', ':u': userId, ':q': q.id, ':b': q.bankId, ':qt': q.type, ':stem': q.stem, ':opts': originalOptions(q), ':ans': q.answer,
      ':exp': q.explanation, ':src': o.source, ':zero': 0, ':at': now.toISOString(), ':rev': o.revealAt, ':one': 1,
    },
  }));
}

/** One more right answer in a row; the question leaves the book at the second. Returns the new count, or null when it was not in the book. */
async function countRight(userId: string, bankId: string, questionId: string): Promise<{ rightInARow: number; cleared: boolean } | null> {
  const key = keys.mistake(userId, bankId, questionId);
  try {
    const { Attributes } = await db().send(new UpdateCommand({
      TableName: table(), Key: key, UpdateExpression: 'ADD rightInARow :one', ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'ALL_NEW',
    }));
    const n = (Attributes?.rightInARow as number) ?? 0;
    if (n < MISTAKE_CLEAR_STREAK) return { rightInARow: n, cleared: false };
    await db().send(new DeleteCommand({
      TableName: table(), Key: key, ConditionExpression: 'rightInARow >= :n', ExpressionAttributeValues: { ':n': MISTAKE_CLEAR_STREAK },
    })).catch((err) => {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    });
    return { rightInARow: n, cleared: true };
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return null;
    throw err;
  }
}

function view(m: MistakeRecord, now: Date): Mistake {
  const reveal = m.revealAt !== null && m.revealAt <= now.toISOString();
  return {
    questionId: m.questionId, bankId: m.bankId, type: m.questionType, stem: m.stem, options: m.options, source: m.source, wrongCount: m.wrongCount,
    rightInARow: m.rightInARow, lastWrongAt: m.lastWrongAt, correctAnswer: reveal ? m.answer : null, explanation: reveal ? m.explanation : null,
    revealAt: m.revealAt,
  };
}

/** The caller's own book, most recent mistakes first. Nobody else's is reachable: the key is the caller's id. */
export async function listMistakes(userId: string, now: Date): Promise<Mistake[]> {
  const { pk, skPrefix } = keys.mistakesPrefix(userId);
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix } });
  return (items as unknown as MistakeRecord[]).map((m) => view(m, now)).sort((a, b) => b.lastWrongAt.localeCompare(a.lastWrongAt));
}

/** Practises one question of the book (letters as the book shows them, the bank's own order). */
export async function practise(userId: string, bankId: string, questionId: string, letters: string[], now: Date) {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.mistake(userId, bankId, questionId), ConsistentRead: true }));
  if (!Item) throw notFound('错题本中没有这道题（可能已经移出）');
  const m = Item as unknown as MistakeRecord;
  // Right or wrong would give the key away before the quiz's review policy does.
  if (m.revealAt === null) throw conflict('该测试不公布答案，这道题不能练习');
  if (m.revealAt > now.toISOString()) throw conflict(`这道题的答案将于 ${chinaTime(m.revealAt)} 公布，届时可以练习`);
  const order = m.options.map((o) => o.key);
  const message = letters.some((l) => !order.includes(l)) ? `答案应为 ${order.join('、')} 中的字母`
    : new Set(letters).size !== letters.length ? '同一个选项不能选两次'
      : m.questionType !== 'multiple' && letters.length > 1 ? '单选题和判断题只能选一个答案' : null;
  if (message) throw validationFailed(message, [{ path: 'answer', message }]);
  const correct = isCorrect({ type: m.questionType, answer: m.answer, order }, letters);
  let state: { rightInARow: number; cleared: boolean };
  if (correct) state = (await countRight(userId, bankId, questionId)) ?? { rightInARow: MISTAKE_CLEAR_STREAK, cleared: true };
  else {
    await fileWrong(userId, { question: { id: m.questionId, bankId, type: m.questionType, stem: m.stem, options: m.options, order, answer: m.answer, explanation: m.explanation }, correct: false, source: m.source, revealAt: m.revealAt }, now);
    state = afterPractice(m.rightInARow, false);
  }
  return {
    verdict: { questionId, correct, yourAnswer: [...letters].sort(), correctAnswer: m.answer, explanation: m.explanation },
    ...state,
  };
}

/** An instant as China time, e.g. 2026-03-01 18:00. */
function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
