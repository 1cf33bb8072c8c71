import { GetCommand, PutCommand, TransactWriteCommand, ConditionalCheckFailedException, TransactionCanceledException } from '../lib/dynamo';
import { DAILY_COUNT, nextStreak, pickFresh, previousDay, studyDay, type DailySet } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { conflict, validationFailed } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import { recordOutcomes } from './mistakes';
import { earnItems } from './points';
import { checkLetters, grade, playSeed, poolFor, shownQuestion, toPlay, verdict, type PlayQuestion } from './pool';
import { getStats, markSeen } from './stats';
import { member } from './member';

interface DailyRecord {
  day: string;
  questions: PlayQuestion[];
  /** Letters given per question id; a question is answered once. */
  answers: Record<string, string[]>;
  points: number;
}

async function getDaily(userId: string, day: string): Promise<DailyRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.dailySet(userId, day), ConsistentRead: true }));
  return Item as DailyRecord | undefined;
}

/** Today's set, drawn on first look: five questions, unseen first. Racing first looks keep one draw. */
export async function dailyFor(p: Principal, now: Date): Promise<DailyRecord> {
  const m = member(p);
  const day = studyDay(now.getTime());
  const existing = await getDaily(m.userId, day);
  if (existing) return existing;
  const [pool, stats] = await Promise.all([poolFor(m.orgPath, now.getTime()), getStats(m.userId)]);
  if (pool.length === 0) throw conflict('您所在组织还没有可用的题库，请联系支部书记导入题目');
  const random = playSeed(`${m.userId}:${day}`);
  const questions = pickFresh(pool, stats.seen ?? new Set(), DAILY_COUNT, random).map((q) => toPlay(q, day));
  const record: DailyRecord = { day, questions, answers: {}, points: 0 };
  try {
    await db().send(new PutCommand({
      TableName: table(), Item: { ...keys.dailySet(m.userId, day), type: 'dailySet', userId: m.userId, ...record }, ConditionExpression: 'attribute_not_exists(pk)',
    }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return (await getDaily(m.userId, day))!;
    throw err;
  }
  await markSeen(m.userId, questions.map((q) => q.id));
  return record;
}

export async function dailyView(p: Principal, d: DailyRecord): Promise<DailySet> {
  const stats = await getStats(p.userId);
  const verdicts = d.questions.filter((q) => d.answers[q.id]).map((q) => verdict(q, d.answers[q.id]!, true));
  const done = verdicts.length === d.questions.length;
  // A streak still stands while its last day is today or yesterday.
  const alive = stats.lastDailyDay === d.day || stats.lastDailyDay === previousDay(d.day);
  const streak = alive ? (stats.dailyStreak ?? 0) : 0;
  return { day: d.day, questions: d.questions.map(shownQuestion), verdicts, done, pointsToday: d.points, streak };
}

/**
 * Answers one question of today's set. The answer, the points and (on the fifth answer) the streak
 * are one transaction conditioned on the question being unanswered, so a repeat or a racing double
 * tap is rejected and never earns twice.
 */
export async function answerDaily(p: Principal, questionId: string, letters: string[], now: Date) {
  const m = member(p);
  for (let round = 0; round < 4; round++) {
    const d = await dailyFor(p, now);
    const q = d.questions.find((x) => x.id === questionId);
    if (!q) throw validationFailed('这道题不在今天的每日答题中', [{ path: 'questionId', message: '这道题不在今天的每日答题中' }]);
    if (d.answers[q.id]) throw conflict('这道题已经答过了，每题只计一次');
    checkLetters(q, letters);
    const correct = grade(q, letters);
    const earn = await earnItems(m, 'daily', correct ? 1 : 0, now.getTime());
    const done = Object.keys(d.answers).length + 1 === d.questions.length;
    const stats = await getStats(m.userId);
    const streak = done ? nextStreak(stats.lastDailyDay, stats.dailyStreak ?? 0, d.day) : (stats.dailyStreak ?? 0);
    const items: Record<string, unknown>[] = [
      {
        Update: {
          TableName: table(), Key: keys.dailySet(m.userId, d.day),
          // The count too: two different questions answered at once must not both miss that the set is done.
          UpdateExpression: 'SET answers.#q = :a ADD points :pts', ConditionExpression: 'attribute_not_exists(answers.#q) AND size(answers) = :n',
          ExpressionAttributeNames: { '#q': q.id }, ExpressionAttributeValues: { ':a': letters, ':pts': earn.award, ':n': Object.keys(d.answers).length },
        },
      },
      ...earn.items,
    ];
    if (done && stats.lastDailyDay !== d.day) {
      items.push({
        Update: {
          TableName: table(), Key: keys.gameStats(m.userId), UpdateExpression: 'SET #type = :t, dailyStreak = :s, lastDailyDay = :d',
          ConditionExpression: 'attribute_not_exists(lastDailyDay) OR lastDailyDay <> :d',
          ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':t': 'gameStats', ':s': streak, ':d': d.day },
        },
      });
    }
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items as never }));
    } catch (err) {
      if (err instanceof TransactionCanceledException) {
        const fresh = await getDaily(m.userId, d.day);
        if (fresh?.answers[q.id]) throw conflict('这道题已经答过了，每题只计一次');
        continue;
      }
      throw err;
    }
    await recordOutcomes(m.userId, [{ question: q, correct, source: '每日答题', revealAt: now.toISOString() }], now);
    return { verdict: verdict(q, letters, true), awarded: earn.award, done, streak };
  }
  throw conflict('提交时遇到并发操作，请稍后重试');
}
