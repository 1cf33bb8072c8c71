import {
  drawQuestions, drawRules, reviewAvailableAt, reviewVisible, seededRandom, shuffleOptions, shuffled, toShownKeys,
  type Answers, type AttemptResult, type AttemptStarted, type ReviewItem,
} from '@kaimen/shared';
import { newId } from '../lib/ids';
import { conflict, forbidden, notFound, validationFailed } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import { allQuestions, type QuestionRecord } from './bank-store';
import { gradeAndRecord, getAttempt, recordStart, submitGraceSeconds, type AttemptQuestion, type AttemptRecord } from './attempt-store';
import { getQuiz, getStanding, isTarget, type QuizRecord } from './quiz-store';
import { randomBytes } from 'node:crypto';

/** The questions of a new attempt: the fixed list or a fresh draw, each with its own option order. */
async function questionsFor(quiz: QuizRecord, attemptId: string): Promise<AttemptQuestion[]> {
  const bank = await allQuestions(quiz.bankId);
  const byId = new Map(bank.map((q) => [q.id, q]));
  const random = seededRandom(`${attemptId}:${randomBytes(8).toString('hex')}`);
  let picked: QuestionRecord[];
  if (quiz.questionIds) {
    picked = quiz.questionIds.map((id) => byId.get(id)).filter((q): q is QuestionRecord => q !== undefined);
    if (picked.length === 0) throw conflict('这次测试的题目已从题库中删除，请联系出题人');
    // Fixed questions keep their type grouping but are shuffled within it.
    const rank = { single: 0, multiple: 1, judge: 2 } as const;
    picked = shuffled(picked, random).sort((a, b) => rank[a.type] - rank[b.type]);
  } else {
    const rules = drawRules(quiz.draw ?? {});
    try {
      picked = drawQuestions(bank, rules, random).map((id) => byId.get(id)!);
    } catch {
      throw conflict('题库中的题目不够抽取，请联系出题人');
    }
  }
  return picked.map((q) => {
    const shown = shuffleOptions(q.type, q.options, `${attemptId}:${q.id}:${random()}`);
    return { id: q.id, type: q.type, stem: q.stem, options: shown.options, order: shown.order, answer: q.answer, explanation: q.explanation, points: quiz.points[q.type] };
  });
}

/** What the phone gets while answering: no keys, no explanations, options in this attempt's order. */
export function startedView(quiz: QuizRecord, a: AttemptRecord, now: Date): AttemptStarted {
  return {
    attemptId: a.id, quizId: a.quizId, title: quiz.title, startedAt: a.startedAt, deadline: a.deadline, serverTime: now.toISOString(),
    questions: a.questions.map((q) => ({ id: q.id, type: q.type, stem: q.stem, options: q.options, points: q.points })),
    answers: a.answers ?? {},
  };
}

export function resultView(quiz: QuizRecord, a: AttemptRecord, now: Date): AttemptResult {
  const submittedAt = a.submittedAt!;
  const grades = new Map((a.grades ?? []).map((g) => [g.questionId, g]));
  const review: ReviewItem[] | null = reviewVisible(quiz, submittedAt, now)
    ? a.questions.map((q) => ({
        questionId: q.id, type: q.type, stem: q.stem, options: q.options, yourAnswer: [...(a.answers[q.id] ?? [])].sort(),
        correct: grades.get(q.id)?.correct ?? false, points: grades.get(q.id)?.points ?? 0,
        correctAnswer: toShownKeys(q.answer, q.order), explanation: q.explanation,
      }))
    : null;
  return {
    attemptId: a.id, quizId: a.quizId, title: quiz.title, score: a.score!, maxScore: a.maxScore, passScore: quiz.passScore, passed: a.passed!,
    correctCount: a.correctCount!, questionCount: a.questions.length, submittedAt, endedBy: a.endedBy ?? 'submitted',
    review, reviewAvailableAt: reviewAvailableAt(quiz, submittedAt),
  };
}

/** Checks answers against the attempt: its own questions only, letters it showed, one letter for single and judge. */
export function checkAnswers(a: AttemptRecord, answers: Answers): void {
  const byId = new Map(a.questions.map((q) => [q.id, q]));
  const errors: { path: string; message: string }[] = [];
  for (const [qid, letters] of Object.entries(answers)) {
    const q = byId.get(qid);
    if (!q) {
      errors.push({ path: `answers.${qid}`, message: '这道题不在本次答题中' });
      continue;
    }
    const shown = q.options.map((o) => o.key);
    if (letters.some((l) => !shown.includes(l))) errors.push({ path: `answers.${qid}`, message: `答案应为 ${shown.join('、')} 中的字母` });
    else if (new Set(letters).size !== letters.length) errors.push({ path: `answers.${qid}`, message: '同一个选项不能选两次' });
    else if (q.type !== 'multiple' && letters.length > 1) errors.push({ path: `answers.${qid}`, message: '单选题和判断题只能选一个答案' });
  }
  if (errors.length > 0) throw validationFailed('答案格式不正确', errors);
}

/** The caller's own attempt, or 404: someone else's attempt is not even confirmed to exist. */
export async function myAttempt(p: Principal, attemptId: string): Promise<AttemptRecord> {
  const attempt = await getAttempt(attemptId);
  if (!attempt || attempt.userId !== p.userId) throw notFound('答题记录不存在');
  return attempt;
}

/** The caller's own attempt and its quiz. */
export async function ownAttempt(p: Principal, attemptId: string): Promise<{ attempt: AttemptRecord; quiz: QuizRecord }> {
  const attempt = await myAttempt(p, attemptId);
  const quiz = await getQuiz(attempt.quizId);
  if (!quiz) throw notFound('测试不存在');
  return { attempt, quiz };
}

export function isLate(a: AttemptRecord, now: Date): boolean {
  return now.getTime() > a.deadlineMs + submitGraceSeconds() * 1000;
}

/** An attempt whose time ran out unsubmitted is graded from the answers saved before the deadline. */
export async function settleIfExpired(quiz: QuizRecord, a: AttemptRecord, now: Date): Promise<AttemptRecord> {
  if (a.status !== 'in_progress' || !isLate(a, now)) return a;
  try {
    return (await gradeAndRecord(quiz, a, a.answers ?? {}, 'expired', now)).attempt;
  } catch (err) {
    const fresh = await getAttempt(a.id);
    if (fresh && fresh.status === 'graded') return fresh;
    throw err;
  }
}

/**
 * Starts an attempt, or hands back the one in progress (a dropped connection loses nothing). An
 * attempt left to expire is graded first, and counts.
 */
export async function startAttempt(p: Principal, quizId: string, now: Date): Promise<{ quiz: QuizRecord; attempt: AttemptRecord }> {
  const quiz = await getQuiz(quizId);
  if (!quiz || !isTarget(quiz, p.orgPath)) throw notFound('测试不存在或不面向您所在的组织');
  if (!p.orgId || !p.orgPath) throw forbidden('请先绑定党员身份后再答题');
  for (let round = 0; round < 3; round++) {
    const standing = await getStanding(quiz.id, p.userId);
    if (standing?.activeAttemptId) {
      const active = await getAttempt(standing.activeAttemptId);
      if (active && active.status === 'in_progress' && !isLate(active, now)) return { quiz, attempt: active };
      if (active) await settleIfExpired(quiz, active, now);
      continue;
    }
    const t = now.toISOString();
    if (t < quiz.opensAt) throw conflict('测试尚未开始');
    if (t >= quiz.closesAt) throw conflict('测试已经结束');
    if ((standing?.attemptsUsed ?? 0) >= quiz.attemptsAllowed) throw conflict(`答题次数已用完（共 ${quiz.attemptsAllowed} 次）`);
    const id = newId(now.getTime());
    const deadlineMs = Math.min(now.getTime() + quiz.timeLimitSeconds * 1000, Date.parse(quiz.closesAt));
    const attempt: AttemptRecord = {
      id, quizId: quiz.id, userId: p.userId, name: p.name, orgId: p.orgId, orgPath: p.orgPath, startedAt: t,
      deadline: new Date(deadlineMs).toISOString(), deadlineMs, status: 'in_progress', questions: await questionsFor(quiz, id),
      answers: {}, maxScore: 0,
    };
    attempt.maxScore = attempt.questions.reduce((s, q) => s + q.points, 0);
    const outcome = await recordStart(quiz, attempt);
    if (outcome.kind === 'started') return { quiz, attempt };
    // Lost a race with another start (or the allowance ran out): look again.
  }
  throw conflict('无法开始答题，请稍后重试');
}
