import { GetCommand, TransactWriteCommand, UpdateCommand, ConditionalCheckFailedException, TransactionCanceledException } from '../lib/dynamo';
import {
  countedScore, gradeAttempt, reviewAvailableAt, topicScore, type Answers, type ArchiveEntry, type QuestionGrade, type QuestionType, type QuizOption,
} from '@kaimen/shared';
import { keys } from '../db/keys';
import { archiveItem } from '../archive/store';
import { db, table } from '../lib/db';
import { conflict } from '../lib/problem';
import type { QuizRecord, StandingRecord } from './quiz-store';
import { getStanding } from './quiz-store';
import { recordOutcomes } from '../games/mistakes';
import { earnItems } from '../games/points';

/** Seconds after the deadline a submission (a slow network) is still taken. */
export function submitGraceSeconds(): number {
  const n = Number(process.env.QUIZ_SUBMIT_GRACE_SECONDS ?? 30);
  return Number.isFinite(n) && n >= 0 ? n : 30;
}

/** One question as one attempt fixed it: a copy, so later edits of the bank never touch it. */
export interface AttemptQuestion {
  id: string;
  type: QuestionType;
  stem: string;
  /** As shown, relabelled A, B, C… */
  options: QuizOption[];
  /** Original key of each shown letter. */
  order: string[];
  /** Original keys of the right answer. */
  answer: string[];
  explanation: string;
  points: number;
}

export interface AttemptRecord {
  id: string;
  quizId: string;
  userId: string;
  name: string;
  orgId: string;
  orgPath: string;
  startedAt: string;
  deadline: string;
  deadlineMs: number;
  status: 'in_progress' | 'graded';
  questions: AttemptQuestion[];
  /** Answers saved as the member goes (shown letters). */
  answers: Answers;
  saveSeq?: number;
  savedAt?: string;
  submittedAt?: string;
  endedBy?: 'submitted' | 'expired';
  score?: number;
  maxScore: number;
  correctCount?: number;
  passed?: boolean;
  grades?: QuestionGrade[];
}

const strip = ({ pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, type: _t, ...rest }: Record<string, unknown>) => rest;

export async function getAttempt(id: string): Promise<AttemptRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.attempt(id), ConsistentRead: true }));
  return Item ? (strip(Item) as unknown as AttemptRecord) : undefined;
}

export type StartOutcome = { kind: 'started'; attempt: AttemptRecord } | { kind: 'lost-race' };

/**
 * Records a new attempt and counts it against the member's allowance in one transaction: the counter
 * only moves while it is under the limit and no other attempt is active, so racing starts make one.
 */
export async function recordStart(quiz: QuizRecord, a: AttemptRecord): Promise<StartOutcome> {
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table(), Key: keys.quizStanding(quiz.id, a.userId),
            UpdateExpression: 'SET #type = :type, quizId = :q, userId = :u, #name = :name, orgId = :org, orgPath = :path, '
              + 'attemptsUsed = if_not_exists(attemptsUsed, :zero) + :one, gradedCount = if_not_exists(gradedCount, :zero), '
              + 'activeAttemptId = :a, activeDeadlineMs = :d, rev = if_not_exists(rev, :zero) + :one',
            ConditionExpression: '(attribute_not_exists(attemptsUsed) OR attemptsUsed < :allowed) AND attribute_not_exists(activeAttemptId)',
            ExpressionAttributeNames: { '#type': 'type', '#name': 'name' },
            ExpressionAttributeValues: {
              ':type': 'quizStanding', ':q': quiz.id, ':u': a.userId, ':name': a.name, ':org': a.orgId, ':path': a.orgPath,
              ':zero': 0, ':one': 1, ':a': a.id, ':d': a.deadlineMs, ':allowed': quiz.attemptsAllowed,
            },
          },
        },
        { Put: { TableName: table(), Item: { ...keys.attempt(a.id), type: 'attempt', ...a }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }));
    return { kind: 'started', attempt: a };
  } catch (err) {
    if (err instanceof TransactionCanceledException) return { kind: 'lost-race' };
    throw err;
  }
}

export type SaveOutcome = 'saved' | 'stale' | 'rejected';

/** Saves the answers so far, while the attempt is open (deadline plus grace) and the save is not older than the last. */
export async function saveAnswers(a: AttemptRecord, answers: Answers, seq: number | undefined, now: Date): Promise<SaveOutcome> {
  const cutoff = now.getTime() - submitGraceSeconds() * 1000;
  try {
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.attempt(a.id),
      UpdateExpression: `SET answers = :ans, savedAt = :at${seq === undefined ? '' : ', saveSeq = :seq'}`,
      ConditionExpression: `#status = :open AND userId = :u AND deadlineMs >= :cutoff${seq === undefined ? '' : ' AND (attribute_not_exists(saveSeq) OR saveSeq < :seq)'}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':ans': answers, ':at': now.toISOString(), ':open': 'in_progress', ':u': a.userId, ':cutoff': cutoff, ...(seq === undefined ? {} : { ':seq': seq }) },
    }));
    return 'saved';
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    const fresh = await getAttempt(a.id);
    if (fresh && fresh.status === 'in_progress' && fresh.deadlineMs >= cutoff && seq !== undefined) return 'stale';
    return 'rejected';
  }
}

export interface Graded {
  attempt: AttemptRecord;
  standing: StandingRecord;
}

function archiveEntries(quiz: QuizRecord, a: AttemptRecord, s: StandingRecord): Record<string, unknown>[] {
  const quizEntry: ArchiveEntry = {
    id: a.id, kind: 'quiz', refId: a.id, subjectId: quiz.id, title: quiz.title, at: a.submittedAt!, score: a.score!, maxScore: a.maxScore, passed: a.passed!,
    detail: `${a.endedBy === 'expired' ? '超时自动交卷，' : ''}答对 ${a.correctCount}/${a.questions.length} 题`,
  };
  const items = [archiveItem(a.userId, quizEntry)];
  const topic = topicEntry(quiz, s);
  return [...items, ...(topic ? [topic] : [])];
}

/** The combined topic score's archive item, once both the online and the offline score are known (same key, so it is updated in place). */
export function topicEntry(quiz: QuizRecord, s: StandingRecord): Record<string, unknown> | null {
  if (s.countedScore === undefined || s.offlineScore === undefined || !s.topicScoreAt) return null;
  const score = topicScore({ score: s.countedScore, maxScore: quiz.maxScore }, { score: s.offlineScore, maxScore: quiz.offlineMaxScore }, quiz.onlineWeight);
  const w = quiz.onlineWeight;
  return archiveItem(s.userId, {
    id: `${quiz.id}-topic`, kind: 'topic_score', refId: quiz.id, title: `${quiz.title}（专题成绩）`, at: s.topicScoreAt, score, maxScore: 100,
    passed: score >= (quiz.passScore / Math.max(quiz.maxScore, 1)) * 100,
    detail: `线上 ${s.countedScore}/${quiz.maxScore} × ${w} + 线下 ${s.offlineScore}/${quiz.offlineMaxScore} × ${Math.round((1 - w) * 100) / 100}`,
  });
}

const MAX_TRIES = 4;

/**
 * Grades an attempt on the server and records it once: the attempt (only while in progress), the
 * member's standing (only if nobody graded in between) and the archive entries, in one transaction.
 * A second submission of the same attempt, however close, finds it graded and gets a conflict.
 */
export async function gradeAndRecord(quiz: QuizRecord, start: AttemptRecord, answers: Answers, endedBy: 'submitted' | 'expired', now: Date): Promise<Graded> {
  let a = start;
  for (let attempt = 1; ; attempt++) {
    if (a.status !== 'in_progress') throw conflict('这次答题已经交卷，不能重复提交');
    const grade = gradeAttempt(a.questions, answers);
    const submittedAt = now.toISOString();
    const passed = grade.score >= quiz.passScore;
    const graded: AttemptRecord = { ...a, status: 'graded', answers, submittedAt, endedBy, score: grade.score, maxScore: grade.maxScore, correctCount: grade.correctCount, passed, grades: grade.questions };
    const prev = await getStanding(quiz.id, a.userId);
    const prevGraded = prev?.gradedCount ?? 0;
    const prevRev = prev?.rev ?? 0;
    const counted = countedScore(quiz.scoreRule, prev?.countedScore ?? null, grade.score);
    const standing: StandingRecord = {
      quizId: quiz.id, userId: a.userId, name: a.name, orgId: a.orgId, orgPath: a.orgPath,
      attemptsUsed: prev?.attemptsUsed ?? 1, gradedCount: prevGraded + 1, rev: prevRev + 1,
      bestScore: Math.max(prev?.bestScore ?? grade.score, grade.score), lastScore: grade.score, countedScore: counted,
      passed: counted >= quiz.passScore, lastSubmittedAt: submittedAt, lastAttemptId: a.id,
      ...(prev?.offlineScore !== undefined ? { offlineScore: prev.offlineScore, offlineAt: prev.offlineAt } : {}),
      ...(prev?.offlineScore !== undefined ? { topicScoreAt: prev.topicScoreAt ?? submittedAt } : {}),
    };
    // Quiz points (within the daily cap) ride in the same transaction, after the items checked below by position.
    const earn = await earnItems({ userId: a.userId, name: a.name, orgPath: a.orgPath }, 'quiz', grade.correctCount, now.getTime());
    try {
      await db().send(new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(), Item: { ...keys.attempt(a.id), ...keys.quizAttempts(quiz.id), ...keys.quizAttemptSort(submittedAt, a.id), type: 'attempt', ...graded },
              ConditionExpression: '#status = :open', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':open': 'in_progress' },
            },
          },
          {
            Put: {
              TableName: table(), Item: { ...keys.quizStanding(quiz.id, a.userId), type: 'quizStanding', ...standing },
              ConditionExpression: 'activeAttemptId = :a AND rev = :rev',
              ExpressionAttributeValues: { ':a': a.id, ':rev': prevRev },
            },
          },
          ...archiveEntries(quiz, graded, standing).map((Item) => ({
            Put: { TableName: table(), Item, ...(Item.kind === 'quiz' ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) },
          })),
          ...earn.items,
        ] as never,
      }));
      await mistakesOf(quiz, graded);
      return { attempt: graded, standing };
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = (err.CancellationReasons ?? []).map((r) => r.Code);
      const fresh = await getAttempt(a.id);
      if (!fresh || fresh.status !== 'in_progress' || reasons[0] === 'ConditionalCheckFailed' || reasons[2] === 'ConditionalCheckFailed') {
        throw conflict('这次答题已经交卷，不能重复提交');
      }
      // A conflicting transaction (an offline score being entered, a racing submit that then failed): try again.
      if (attempt >= MAX_TRIES) throw conflict('交卷时遇到并发操作，请稍后重试');
      a = fresh;
    }
  }
}

/** Writes (or overwrites) a member's offline score, and the topic score when the online one is known. */
export async function recordOffline(quiz: QuizRecord, member: { id: string; name: string; orgId: string; orgPath: string }, score: number, now: Date): Promise<StandingRecord> {
  for (let attempt = 1; ; attempt++) {
    const prev = await getStanding(quiz.id, member.id);
    const at = now.toISOString();
    const standing: StandingRecord = {
      quizId: quiz.id, userId: member.id, name: member.name, orgId: member.orgId, orgPath: member.orgPath,
      attemptsUsed: 0, gradedCount: 0, ...prev, rev: (prev?.rev ?? 0) + 1, offlineScore: score, offlineAt: prev?.offlineAt ?? at,
    };
    if (standing.countedScore !== undefined) standing.topicScoreAt = prev?.topicScoreAt ?? at;
    const offline = archiveItem(member.id, {
      id: `${quiz.id}-offline`, kind: 'offline_exam', refId: quiz.id, title: `${quiz.title}（线下主观题）`, at: standing.offlineAt!,
      score, maxScore: quiz.offlineMaxScore,
    });
    const topic = topicEntry(quiz, standing);
    try {
      await db().send(new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(), Item: { ...keys.quizStanding(quiz.id, member.id), type: 'quizStanding', ...standing },
              ConditionExpression: prev ? 'rev = :rev' : 'attribute_not_exists(pk)',
              ...(prev ? { ExpressionAttributeValues: { ':rev': prev.rev ?? 0 } } : {}),
            },
          },
          { Put: { TableName: table(), Item: offline } },
          ...(topic ? [{ Put: { TableName: table(), Item: topic } }] : []),
        ],
      }));
      return standing;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException) || attempt >= MAX_TRIES) throw err;
    }
  }
}

/** Files the attempt's answers in the member's mistakes book; right answers show once the quiz's review policy allows. */
async function mistakesOf(quiz: QuizRecord, a: AttemptRecord): Promise<void> {
  const grades = new Map((a.grades ?? []).map((g) => [g.questionId, g.correct]));
  const revealAt = reviewAvailableAt(quiz, a.submittedAt!);
  await recordOutcomes(a.userId, a.questions.map((q) => ({
    question: { ...q, bankId: quiz.bankId }, correct: grades.get(q.id) ?? false, source: quiz.title, revealAt,
  })), new Date(a.submittedAt!));
}
