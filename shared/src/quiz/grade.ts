import type { QuestionType } from './question';
import { toOriginalKeys } from './shuffle';

/** Points per question type, set on the quiz. */
export interface TypePoints {
  single: number;
  multiple: number;
  judge: number;
}

export const defaultTypePoints: TypePoints = { single: 2, multiple: 3, judge: 1 };

/** What the server keeps of one question of one attempt. */
export interface GradableQuestion {
  id: string;
  type: QuestionType;
  /** Original keys of the right answer. */
  answer: string[];
  /** Original key of each shown letter (see shuffle.ts). */
  order: string[];
  points: number;
}

export interface QuestionGrade {
  questionId: string;
  correct: boolean;
  points: number;
}

export interface AttemptGrade {
  score: number;
  maxScore: number;
  correctCount: number;
  questions: QuestionGrade[];
}

/**
 * Whether the letters a member chose (as the attempt showed them) are right. Every type needs the
 * exact set: single and judge one key, multiple all right keys and no wrong one. There is no partial
 * credit for multiple choice (多选、少选、错选均不得分), as in the exams the bureaus run.
 */
export function isCorrect(q: Pick<GradableQuestion, 'type' | 'answer' | 'order'>, chosenShown: readonly string[] | undefined): boolean {
  if (!chosenShown || chosenShown.length === 0) return false;
  if (q.type !== 'multiple' && chosenShown.length !== 1) return false;
  if (new Set(chosenShown).size !== chosenShown.length) return false;
  const chosen = toOriginalKeys(chosenShown, q.order);
  if (chosen.length !== chosenShown.length) return false;
  const right = [...q.answer].sort();
  return chosen.length === right.length && chosen.every((k, i) => k === right[i]);
}

/** Grades an attempt: unanswered questions score nothing. */
export function gradeAttempt(questions: readonly GradableQuestion[], answers: Readonly<Record<string, readonly string[]>>): AttemptGrade {
  const graded = questions.map((q) => {
    const correct = isCorrect(q, answers[q.id]);
    return { questionId: q.id, correct, points: correct ? q.points : 0 };
  });
  return {
    score: graded.reduce((s, g) => s + g.points, 0),
    maxScore: questions.reduce((s, q) => s + q.points, 0),
    correctCount: graded.filter((g) => g.correct).length,
    questions: graded,
  };
}

/** 专题成绩: online × w + offline × (1 − w), both as percentages of their maxima, rounded to 0.1. */
export function topicScore(online: { score: number; maxScore: number }, offline: { score: number; maxScore: number }, onlineWeight: number): number {
  const pct = (s: { score: number; maxScore: number }) => (s.maxScore > 0 ? (s.score / s.maxScore) * 100 : 0);
  return Math.round((pct(online) * onlineWeight + pct(offline) * (1 - onlineWeight)) * 10) / 10;
}
