import { isCorrect, optionKeys, seededRandom, shuffleOptions, toShownKeys, type AnswerVerdict, type GameQuestion, type QuestionType, type QuizOption } from '@kaimen/shared';
import { randomBytes } from 'node:crypto';
import { keys } from '../db/keys';
import { queryAll } from '../lib/db';
import { validationFailed } from '../lib/problem';
import { allQuestions, type QuestionRecord } from '../quiz/bank-store';
import { pathIds } from './scope';

/** One question as one game play fixed it (a copy: later bank edits never change a play). Stays on the server. */
export interface PlayQuestion {
  id: string;
  bankId: string;
  type: QuestionType;
  stem: string;
  /** As shown, relabelled A, B, C… */
  options: QuizOption[];
  /** Original key of each shown letter. */
  order: string[];
  /** Original keys of the right answer. */
  answer: string[];
  explanation: string;
}

const TTL_MS = 60_000;
const pools = new Map<string, { at: number; questions: QuestionRecord[] }>();

/**
 * The questions a member may play: those of the banks owned by their org or any org above it (the
 * banks their branch may use). Banks hold hundreds of questions; a warm Lambda keeps the pool a minute.
 */
export async function poolFor(orgPath: string, nowMs = Date.now()): Promise<QuestionRecord[]> {
  const hit = pools.get(orgPath);
  if (hit && nowMs - hit.at < TTL_MS) return hit.questions;
  const ids = pathIds(orgPath);
  const paths = ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
  const banks = (await Promise.all(paths.map((path) => queryAll({
    IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)', FilterExpression: 'orgPath = :path',
    ExpressionAttributeValues: { ':pk': keys.banksInOrg().gsi2pk, ':path': path },
  })))).flat();
  const questions = (await Promise.all(banks.map((b) => allQuestions(b.id as string)))).flat();
  pools.set(orgPath, { at: nowMs, questions });
  return questions;
}

/** Fixes a question for one play: its own option order. */
export function toPlay(q: QuestionRecord, seed: string): PlayQuestion {
  const shown = shuffleOptions(q.type, q.options, `${seed}:${q.id}:${randomBytes(4).toString('hex')}`);
  return { id: q.id, bankId: q.bankId, type: q.type, stem: q.stem, options: shown.options, order: shown.order, answer: q.answer, explanation: q.explanation };
}

export const playSeed = (id: string) => seededRandom(`${id}:${randomBytes(8).toString('hex')}`);

/** What the phone sees of a question: no answer, no explanation. */
export function shownQuestion(q: PlayQuestion): GameQuestion {
  return { id: q.id, type: q.type, stem: q.stem, options: q.options };
}

/** Rejects letters the question did not show, repeats, and several letters for single and judge questions. */
export function checkLetters(q: PlayQuestion, letters: readonly string[]): void {
  const shown = q.options.map((o) => o.key);
  let message: string | null = null;
  if (letters.some((l) => !shown.includes(l))) message = `答案应为 ${shown.join('、')} 中的字母`;
  else if (new Set(letters).size !== letters.length) message = '同一个选项不能选两次';
  else if (q.type !== 'multiple' && letters.length > 1) message = '单选题和判断题只能选一个答案';
  if (message) throw validationFailed(message, [{ path: 'answer', message }]);
}

export function grade(q: PlayQuestion, letters: readonly string[]): boolean {
  return isCorrect(q, letters);
}

export function verdict(q: PlayQuestion, letters: readonly string[], reveal: boolean): AnswerVerdict {
  return {
    questionId: q.id, correct: grade(q, letters), yourAnswer: [...letters].sort(),
    correctAnswer: reveal ? toShownKeys(q.answer, q.order) : null, explanation: reveal ? q.explanation : null,
  };
}

/** The question back in the bank's own option order (for the mistakes book). */
export function originalOptions(q: Pick<PlayQuestion, 'options' | 'order'>): QuizOption[] {
  return q.order.map((key, i) => ({ key, text: q.options[i]!.text })).sort((a, b) => optionKeys.indexOf(a.key as never) - optionKeys.indexOf(b.key as never));
}
