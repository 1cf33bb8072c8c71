import * as z from 'zod/mini';
import { id } from '../http/common';
import { option, questionType } from '../quiz/question-kinds';
import { rankPeriods, rankScopes } from './rules';

/** A question as a game shows it: options in this play's order, no answer, no explanation. */
export const gameQuestion = z.object({ id: z.string(), type: questionType, stem: z.string(), options: z.array(option) });
export type GameQuestion = z.infer<typeof gameQuestion>;

/** What the server says after one answer: right or not, and (where the mode allows) the right letters and why. */
export const answerVerdict = z.object({
  questionId: z.string(),
  correct: z.boolean(),
  yourAnswer: z.array(z.string()),
  correctAnswer: z.nullable(z.array(z.string())),
  explanation: z.nullable(z.string()),
});
export type AnswerVerdict = z.infer<typeof answerVerdict>;

const letters = z.array(z.string().check(z.regex(/^[A-F]$/, '答案应为 A–F 中的字母'))).check(z.minLength(1, '请选择答案'), z.maxLength(6, '最多选 6 个选项'));
export const answerBody = z.strictObject({ questionId: id, answer: letters });

export const dailySet = z.object({
  day: z.string(),
  questions: z.array(gameQuestion),
  verdicts: z.array(answerVerdict),
  done: z.boolean(),
  pointsToday: z.number(),
  streak: z.number(),
});
export type DailySet = z.infer<typeof dailySet>;
export const dailyAnswered = z.object({ verdict: answerVerdict, awarded: z.number(), done: z.boolean(), streak: z.number() });

export const challengeState = z.object({
  runId: z.string(),
  status: z.enum(['open', 'ended']),
  length: z.number(),
  /** The question to answer now (null once the run ended). */
  question: z.nullable(gameQuestion),
  questionDeadline: z.nullable(z.string()),
  deadline: z.string(),
  serverTime: z.string(),
  endedBy: z.nullable(z.enum(['mistake', 'timeout', 'complete'])),
  awarded: z.number(),
  personalBest: z.number(),
  branchBest: z.number(),
  last: z.nullable(answerVerdict),
});
export type ChallengeState = z.infer<typeof challengeState>;
export const runParams = z.strictObject({ runId: id });

export const duelPlayer = z.object({ userId: z.string(), name: z.string(), wins: z.number(), answered: z.number() });
export const duelState = z.object({
  duelId: z.string(),
  status: z.enum(['waiting', 'playing', 'finished', 'expired']),
  players: z.array(duelPlayer),
  you: z.nullable(z.string()),
  /** Index of the question open now (0–4), or null. */
  index: z.nullable(z.number()),
  question: z.nullable(gameQuestion),
  questionDeadline: z.nullable(z.string()),
  /** Whether you and the other player answered the open question. */
  youAnswered: z.boolean(),
  otherAnswered: z.boolean(),
  /** Questions closed so far, each with its winner (never the other's letters). */
  results: z.array(z.object({ index: z.number(), winner: z.nullable(z.string()), youCorrect: z.boolean() })),
  winner: z.nullable(z.string()),
  endedBy: z.nullable(z.enum(['complete', 'timeout'])),
  rev: z.number(),
  serverTime: z.string(),
  last: z.nullable(answerVerdict),
});
export type DuelState = z.infer<typeof duelState>;
export const duelParams = z.strictObject({ duelId: id });
export const duelAnswerBody = z.strictObject({ index: z.number().check(z.int('题号应为整数'), z.minimum(0, '题号不正确'), z.maximum(4, '题号不正确')), answer: letters });
export const openDuels = z.object({ items: z.array(z.object({ duelId: z.string(), host: z.string(), createdAt: z.string() })) });

export const mistake = z.object({
  questionId: z.string(),
  bankId: z.string(),
  type: questionType,
  stem: z.string(),
  options: z.array(option),
  source: z.string(),
  wrongCount: z.number(),
  rightInARow: z.number(),
  lastWrongAt: z.string(),
  /** Right letters and explanation, once the mode's review policy allows; null before. */
  correctAnswer: z.nullable(z.array(z.string())),
  explanation: z.nullable(z.string()),
  revealAt: z.nullable(z.string()),
});
export type Mistake = z.infer<typeof mistake>;
export const mistakeList = z.object({ items: z.array(mistake) });
export const practiceBody = z.strictObject({ bankId: id, questionId: id, answer: letters });
export const practiced = z.object({ verdict: answerVerdict, rightInARow: z.number(), cleared: z.boolean() });

export const rankingQuery = z.strictObject({ scope: z.optional(z.enum(rankScopes)), period: z.optional(z.enum(rankPeriods)) });
export const ranking = z.object({
  scope: z.enum(rankScopes),
  period: z.enum(rankPeriods),
  periodKey: z.string(),
  orgId: z.nullable(z.string()),
  items: z.array(z.object({ rank: z.number(), userId: z.string(), name: z.string(), points: z.number() })),
  mine: z.number(),
});
export type Ranking = z.infer<typeof ranking>;
