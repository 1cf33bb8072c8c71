import * as z from 'zod/mini';
import { id } from '../http/common';

export const leaderboardQuery = z.strictObject({ scope: z.optional(z.enum(['branch', 'org'])) });

export const leaderboardEntry = z.object({ rank: z.number(), memberId: z.string(), name: z.string(), orgId: z.string(), orgName: z.string(), score: z.number(), passed: z.boolean() });
export const branchStanding = z.object({ rank: z.number(), orgId: z.string(), orgName: z.string(), participants: z.number(), averageScore: z.number(), passRate: z.number() });
export const leaderboard = z.object({
  scope: z.enum(['branch', 'org']),
  quizId: z.string(),
  maxScore: z.number(),
  items: z.array(leaderboardEntry),
  /** Branches ranked by average score (scope=org). */
  branches: z.array(branchStanding),
});

export const questionStat = z.object({ questionId: z.string(), type: z.string(), stem: z.string(), answered: z.number(), correct: z.number(), correctRate: z.number() });
export const quizStats = z.object({
  quizId: z.string(),
  participants: z.number(),
  attempts: z.number(),
  averageScore: z.number(),
  passRate: z.number(),
  /** Hardest first. */
  questions: z.array(questionStat),
});

export const offlineScoresBody = z.strictObject({
  scores: z.array(z.strictObject({
    memberId: id,
    score: z.number().check(z.minimum(0, '成绩不能为负数'), z.maximum(1000, '成绩过大')),
  })).check(z.minLength(1, '至少填写一名党员的成绩'), z.maxLength(500, '一次最多 500 名')),
});
export const offlineScoresResult = z.object({
  recorded: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
  /** Members whose topic score (online and offline combined) is now known. */
  topicScores: z.array(z.object({ memberId: z.string(), topicScore: z.number() })),
});

/** Ranks scores high to low; equal scores share a rank (1, 2, 2, 4). */
export function rankBy<T>(items: readonly T[], score: (t: T) => number, tieBreak: (a: T, b: T) => number): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => score(b) - score(a) || tieBreak(a, b));
  let rank = 0;
  return sorted.map((t, i) => {
    if (i === 0 || score(sorted[i - 1]!) !== score(t)) rank = i + 1;
    return { ...t, rank };
  });
}

/** Per-question correct rates from graded attempts, hardest first. */
export function correctRates(attempts: readonly { questions: readonly { questionId: string; correct: boolean }[] }[]): { questionId: string; answered: number; correct: number; correctRate: number }[] {
  const tally = new Map<string, { answered: number; correct: number }>();
  for (const a of attempts) {
    for (const q of a.questions) {
      const t = tally.get(q.questionId) ?? { answered: 0, correct: 0 };
      t.answered++;
      if (q.correct) t.correct++;
      tally.set(q.questionId, t);
    }
  }
  return [...tally.entries()]
    .map(([questionId, t]) => ({ questionId, ...t, correctRate: Math.round((t.correct / t.answered) * 1000) / 1000 }))
    .sort((a, b) => a.correctRate - b.correctRate || b.answered - a.answered || a.questionId.localeCompare(b.questionId));
}
