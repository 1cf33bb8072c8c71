import { GetCommand, TransactWriteCommand, UpdateCommand, ConditionalCheckFailedException, TransactionCanceledException } from '../lib/dynamo';
import { CHALLENGE_MAX, CHALLENGE_QUESTION_SECONDS, CHALLENGE_SECONDS, pickFresh, type AnswerVerdict, type ChallengeState } from '@kaimen/shared';
import { keys, ttlIn } from '../db/keys';
import { db, table } from '../lib/db';
import { newId } from '../lib/ids';
import { conflict, notFound } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import { member } from './member';
import { recordOutcomes } from './mistakes';
import { earnItems } from './points';
import { checkLetters, grade, playSeed, poolFor, shownQuestion, toPlay, verdict, type PlayQuestion } from './pool';
import { rankOrgs } from './scope';
import { getStats, markSeen } from './stats';

/** Seconds after a deadline an answer (a slow network) is still taken. */
const GRACE_MS = 3_000;

interface RunRecord {
  id: string;
  userId: string;
  name: string;
  orgPath: string;
  questions: PlayQuestion[];
  index: number;
  status: 'open' | 'ended';
  startedMs: number;
  deadlineMs: number;
  questionDeadlineMs: number;
  endedBy?: 'mistake' | 'timeout' | 'complete';
  awarded?: number;
  last?: AnswerVerdict;
}

async function getRun(id: string): Promise<RunRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.challengeRun(id), ConsistentRead: true }));
  return Item as RunRecord | undefined;
}

async function bests(p: Principal, orgPath: string) {
  const [stats, orgs] = await Promise.all([getStats(p.userId), rankOrgs(orgPath)]);
  let branchBest = 0;
  if (orgs.branch) {
    const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.branchChallengeBest(orgs.branch) }));
    branchBest = (Item?.best as number | undefined) ?? 0;
  }
  return { personalBest: stats.challengeBest ?? 0, branchBest };
}

export async function runView(p: Principal, r: RunRecord, now: Date): Promise<ChallengeState> {
  const q = r.status === 'open' ? r.questions[r.index] : undefined;
  return {
    runId: r.id, status: r.status, length: r.index, question: q ? shownQuestion(q) : null,
    questionDeadline: q ? new Date(r.questionDeadlineMs).toISOString() : null, deadline: new Date(r.deadlineMs).toISOString(), serverTime: now.toISOString(),
    endedBy: r.endedBy ?? null, awarded: r.awarded ?? 0, ...(await bests(p, r.orgPath)), last: r.last ?? null,
  };
}

/** Starts a run, or hands back the one still open (reloading the page loses nothing and restarts nothing). */
export async function startRun(p: Principal, now: Date): Promise<RunRecord> {
  const m = member(p);
  const stats = await getStats(m.userId);
  if (stats.activeRunId) {
    const active = await settleIfLate(await getRun(stats.activeRunId), now);
    if (active?.status === 'open') return active;
  }
  const pool = await poolFor(m.orgPath, now.getTime());
  if (pool.length === 0) throw conflict('您所在组织还没有可用的题库，请联系支部书记导入题目');
  const id = newId(now.getTime());
  const questions = pickFresh(pool, stats.seen ?? new Set(), CHALLENGE_MAX, playSeed(id)).map((q) => toPlay(q, id));
  const t = now.getTime();
  const run: RunRecord = {
    id, userId: m.userId, name: m.name, orgPath: m.orgPath, questions, index: 0, status: 'open', startedMs: t,
    deadlineMs: t + CHALLENGE_SECONDS * 1000, questionDeadlineMs: t + CHALLENGE_QUESTION_SECONDS * 1000,
  };
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table(), Item: { ...keys.challengeRun(id), type: 'challengeRun', ttl: ttlIn(30 * 86_400, t), ...run } } },
        {
          Update: {
            TableName: table(), Key: keys.gameStats(m.userId), UpdateExpression: 'SET #type = :t, activeRunId = :id',
            // Settling a late run above has already removed activeRunId: that is no race.
            ConditionExpression: stats.activeRunId ? 'attribute_not_exists(activeRunId) OR activeRunId = :old' : 'attribute_not_exists(activeRunId)',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':t': 'gameStats', ':id': id, ...(stats.activeRunId ? { ':old': stats.activeRunId } : {}) },
          },
        },
      ],
    }));
  } catch (err) {
    if (!(err instanceof TransactionCanceledException)) throw err;
    // Another start won the race: continue that run.
    const again = await getStats(m.userId);
    const other = again.activeRunId ? await getRun(again.activeRunId) : undefined;
    if (other?.status === 'open') return other;
    throw conflict('无法开始挑战，请稍后重试');
  }
  await markSeen(m.userId, questions.slice(0, 5).map((q) => q.id));
  return run;
}

export async function ownRun(p: Principal, runId: string, now: Date): Promise<RunRecord> {
  const run = await getRun(runId);
  if (!run || run.userId !== p.userId) throw notFound('挑战记录不存在');
  return (await settleIfLate(run, now))!;
}

async function settleIfLate(run: RunRecord | undefined, now: Date): Promise<RunRecord | undefined> {
  if (!run || run.status !== 'open') return run;
  const t = now.getTime();
  if (t <= run.questionDeadlineMs + GRACE_MS && t <= run.deadlineMs + GRACE_MS) return run;
  return endRun(run, 'timeout', null, now);
}

/**
 * Ends a run once: the run (only while open at the same question), its points by length (within
 * the daily cap) in one transaction; then the personal and branch bests (max-only updates).
 */
async function endRun(run: RunRecord, endedBy: NonNullable<RunRecord['endedBy']>, last: AnswerVerdict | null, now: Date, length = run.index): Promise<RunRecord> {
  for (let round = 0; round < 4; round++) {
    const earn = await earnItems({ userId: run.userId, name: run.name, orgPath: run.orgPath }, 'challenge', length, now.getTime());
    try {
      await db().send(new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(), Key: keys.challengeRun(run.id),
              UpdateExpression: 'SET #status = :ended, endedBy = :by, awarded = :aw, #index = :len, #last = :last',
              ConditionExpression: '#status = :open AND #index = :i',
              ExpressionAttributeNames: { '#status': 'status', '#index': 'index', '#last': 'last' },
              ExpressionAttributeValues: { ':ended': 'ended', ':by': endedBy, ':aw': earn.award, ':len': length, ':last': last, ':open': 'open', ':i': run.index },
            },
          },
          ...earn.items,
        ] as never,
      }));
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      if (err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        const fresh = await getRun(run.id);
        if (fresh?.status === 'ended') return fresh;
        throw conflict('这道题已经答过了');
      }
      continue;
    }
    await Promise.all([raiseBest(keys.gameStats(run.userId), 'challengeBest', length), branchBest(run.orgPath, length), clearActive(run)]);
    return { ...run, status: 'ended', endedBy, awarded: earn.award, index: length, ...(last ? { last } : {}) };
  }
  throw conflict('提交时遇到并发操作，请稍后重试');
}

async function raiseBest(key: { pk: string; sk: string }, attr: string, n: number) {
  if (n <= 0) return;
  try {
    await db().send(new UpdateCommand({
      TableName: table(), Key: key, UpdateExpression: 'SET #b = :n', ConditionExpression: 'attribute_not_exists(#b) OR #b < :n',
      ExpressionAttributeNames: { '#b': attr }, ExpressionAttributeValues: { ':n': n },
    }));
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
}

async function branchBest(orgPath: string, n: number) {
  const { branch } = await rankOrgs(orgPath);
  if (branch) await raiseBest(keys.branchChallengeBest(branch), 'best', n);
}

async function clearActive(run: RunRecord) {
  await db().send(new UpdateCommand({
    TableName: table(), Key: keys.gameStats(run.userId), UpdateExpression: 'REMOVE activeRunId', ConditionExpression: 'activeRunId = :id',
    ExpressionAttributeValues: { ':id': run.id },
  })).catch((err) => {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  });
}

/** Answers the run's current question: right moves on (and resets the question clock), wrong ends the run. */
export async function answerRun(p: Principal, runId: string, questionId: string, letters: string[], now: Date): Promise<RunRecord> {
  const run = await ownRun(p, runId, now);
  if (run.status !== 'open') throw conflict(run.endedBy === 'timeout' ? '已超过答题时间，本次挑战已结束' : '本次挑战已经结束');
  const q = run.questions[run.index]!;
  if (q.id !== questionId) throw conflict('这道题已经答过了，请回答当前的题');
  checkLetters(q, letters);
  const correct = grade(q, letters);
  const last = verdict(q, letters, true);
  const outcome = [{ question: q, correct, source: '挑战答题', revealAt: now.toISOString() }];
  if (!correct || run.index + 1 >= run.questions.length) {
    const ended = await endRun(run, correct ? 'complete' : 'mistake', last, now, correct ? run.index + 1 : run.index);
    await recordOutcomes(run.userId, outcome, now);
    return ended;
  }
  const t = now.getTime();
  const next = { index: run.index + 1, questionDeadlineMs: Math.min(t + CHALLENGE_QUESTION_SECONDS * 1000, run.deadlineMs) };
  try {
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.challengeRun(run.id),
      UpdateExpression: 'SET #index = :n, questionDeadlineMs = :qd, #last = :last',
      ConditionExpression: '#status = :open AND #index = :i',
      ExpressionAttributeNames: { '#status': 'status', '#index': 'index', '#last': 'last' },
      ExpressionAttributeValues: { ':n': next.index, ':qd': next.questionDeadlineMs, ':last': last, ':open': 'open', ':i': run.index },
    }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw conflict('这道题已经答过了，请回答当前的题');
    throw err;
  }
  await Promise.all([recordOutcomes(run.userId, outcome, now), markSeen(run.userId, run.questions.slice(next.index, next.index + 1).map((x) => x.id))]);
  return { ...run, ...next, last };
}
