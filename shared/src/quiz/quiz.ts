import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';
import { page } from '../http/pagination';
import { questionTypes } from './question';

/** Which score counts when a member takes a quiz more than once. */
export const scoreRules = ['best', 'last'] as const;
/** When a member may see the right answers and explanations. */
export const reviewPolicies = ['immediate', 'after_close', 'never'] as const;
export type ReviewPolicy = (typeof reviewPolicies)[number];

const count = z.int().check(z.minimum(0, '题数不能为负数'), z.maximum(200, '每种题型最多抽取 200 道'));
const points = z.number().check(z.minimum(0, '分值不能为负数'), z.maximum(100, '每题最多 100 分'));

const drawRule = z.strictObject({
  type: z.enum(questionTypes),
  count: z.int().check(z.minimum(1, '题数至少为 1'), z.maximum(200, '最多抽取 200 道')),
  tag: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
});

export const drawSpec = z.strictObject({
  single: z.optional(count),
  multiple: z.optional(count),
  judge: z.optional(count),
  /** Draw only questions carrying this tag. */
  tag: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
  /** Extra per-tag rules, e.g. 5 single questions tagged 法律援助. */
  rules: z.optional(z.array(drawRule).check(z.maxLength(20))),
});
export type DrawSpec = z.infer<typeof drawSpec>;

export const createQuizBody = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1, '请填写测试名称'), z.maxLength(100, '测试名称最多 100 个字')),
  description: z.optional(z.string().check(z.maxLength(1000, '说明最多 1000 个字'))),
  bankId: id,
  /** The study topic (专题) this quiz closes; topics belong to the study feature. */
  topicId: z.optional(id),
  /** A random draw per type (and tag) for each attempt… */
  draw: z.optional(drawSpec),
  /** …or the same fixed questions for everyone. */
  questionIds: z.optional(z.array(id).check(z.minLength(1, '至少选择一道题'), z.maxLength(200, '最多 200 道题'))),
  points: z.optional(z.strictObject({ single: z.optional(points), multiple: z.optional(points), judge: z.optional(points) })),
  timeLimitSeconds: z.int().check(z.minimum(60, '答题时间至少 1 分钟'), z.maximum(4 * 3600, '答题时间最多 4 小时')),
  attemptsAllowed: z.int().check(z.minimum(1, '答题次数至少 1 次'), z.maximum(20, '答题次数最多 20 次')),
  passScore: z.number().check(z.minimum(0, '及格分不能为负数')),
  scoreRule: z.optional(z.enum(scoreRules)),
  reviewPolicy: z.optional(z.enum(reviewPolicies)),
  opensAt: z.optional(isoDateTime),
  closesAt: z.optional(isoDateTime),
  /** Orgs whose members (anywhere under them) take the quiz; the caller's own org when absent. */
  orgIds: z.optional(z.array(id).check(z.minLength(1), z.maxLength(50))),
  /** Weight of the online score in the topic score (0–1); the offline subjective exam gets the rest. */
  onlineWeight: z.optional(z.number().check(z.minimum(0, '权重应在 0–1 之间'), z.maximum(1, '权重应在 0–1 之间'))),
  /** Full marks of the offline subjective exam (default 100). */
  offlineMaxScore: z.optional(z.number().check(z.positive('满分应大于 0'), z.maximum(1000))),
});
export type CreateQuizBody = z.infer<typeof createQuizBody>;

export const quizParams = z.strictObject({ quizId: id });
export const attemptParams = z.strictObject({ attemptId: id });

/** How a member stands with a quiz: `open` to take, `done` (a graded attempt), `missed` (closed untaken), `upcoming`. */
export const memberQuizStatuses = ['open', 'done', 'missed', 'upcoming'] as const;
export type MemberQuizStatus = (typeof memberQuizStatuses)[number];

export const quiz = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  topicId: z.nullable(z.string()),
  orgIds: z.array(z.string()),
  questionCount: z.number(),
  maxScore: z.number(),
  passScore: z.number(),
  timeLimitSeconds: z.number(),
  attemptsAllowed: z.number(),
  scoreRule: z.enum(scoreRules),
  reviewPolicy: z.enum(reviewPolicies),
  opensAt: z.string(),
  closesAt: z.string(),
  onlineWeight: z.number(),
  offlineMaxScore: z.number(),
  /** `open`, `upcoming` or `closed`, by the server's clock. */
  status: z.enum(['upcoming', 'open', 'closed']),
  createdAt: z.string(),
});
export type Quiz = z.infer<typeof quiz>;

/** The quiz as a member sees it in the list: facts plus where they stand. */
export const memberQuiz = z.extend(quiz, {
  myStatus: z.enum(memberQuizStatuses),
  attemptsUsed: z.number(),
  /** The score that counts (best or last), once graded. */
  myScore: z.nullable(z.number()),
  passed: z.nullable(z.boolean()),
  /** An attempt started and not yet submitted, to resume. */
  activeAttemptId: z.nullable(z.string()),
  /** The latest graded attempt, for its result and review. */
  lastAttemptId: z.nullable(z.string()),
});
export type MemberQuiz = z.infer<typeof memberQuiz>;
export const memberQuizPage = page(memberQuiz);
export const quizListQuery = z.strictObject({ topicId: z.optional(id), status: z.optional(z.enum(memberQuizStatuses)) });

export const adminQuiz = z.extend(quiz, { bankId: z.string(), orgId: z.string(), draw: z.nullable(z.unknown()), questionIds: z.nullable(z.array(z.string())) });
export const adminQuizPage = page(adminQuiz);

export const attemptQuestion = z.object({
  id: z.string(),
  type: z.enum(questionTypes),
  stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  points: z.number(),
});

export const answers = z.record(id, z.array(z.string().check(z.regex(/^[A-F]$/, '答案应为选项字母 A–F'))).check(z.maxLength(6)));
export type Answers = z.infer<typeof answers>;

export const attemptStarted = z.object({
  attemptId: z.string(),
  quizId: z.string(),
  title: z.string(),
  startedAt: z.string(),
  /** The server's deadline; the phone only counts down to it. */
  deadline: z.string(),
  /** The server's clock when this answer left, so a phone can correct its own. */
  serverTime: z.string(),
  questions: z.array(attemptQuestion),
  /** Answers saved so far (resuming after a dropped connection). */
  answers,
});
export type AttemptStarted = z.infer<typeof attemptStarted>;

export const saveAnswersBody = z.strictObject({
  answers,
  /** Increases with every save of the same attempt; an older save arriving late is ignored. */
  seq: z.optional(z.int().check(z.minimum(0))),
});
export const answersSaved = z.object({ savedAt: z.string(), answered: z.number(), deadline: z.string() });

export const submitBody = z.strictObject({ answers });

export const reviewItem = z.object({
  questionId: z.string(),
  type: z.enum(questionTypes),
  stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  yourAnswer: z.array(z.string()),
  correct: z.boolean(),
  points: z.number(),
  /** In the letters this attempt showed. */
  correctAnswer: z.array(z.string()),
  explanation: z.string(),
});
export type ReviewItem = z.infer<typeof reviewItem>;

export const attemptResult = z.object({
  attemptId: z.string(),
  quizId: z.string(),
  title: z.string(),
  score: z.number(),
  maxScore: z.number(),
  passScore: z.number(),
  passed: z.boolean(),
  correctCount: z.number(),
  questionCount: z.number(),
  submittedAt: z.string(),
  /** `submitted` by the member, or `expired`: graded by the server from the answers saved before the deadline. */
  endedBy: z.enum(['submitted', 'expired']),
  /** Right answers and explanations, when the quiz allows them now; otherwise null (see reviewAvailableAt). */
  review: z.nullable(z.array(reviewItem)),
  reviewAvailableAt: z.nullable(z.string()),
});
export type AttemptResult = z.infer<typeof attemptResult>;

export const attemptView = z.object({
  status: z.enum(['in_progress', 'graded']),
  attempt: z.optional(attemptStarted),
  result: z.optional(attemptResult),
});

/** The quiz's status by the server's clock. */
export function quizStatus(q: { opensAt: string; closesAt: string }, now: Date): 'upcoming' | 'open' | 'closed' {
  const t = now.toISOString();
  if (t < q.opensAt) return 'upcoming';
  if (t >= q.closesAt) return 'closed';
  return 'open';
}

/** Where a member stands with a quiz. */
export function memberStatus(q: { opensAt: string; closesAt: string; attemptsAllowed: number }, mine: { gradedCount: number; attemptsUsed: number; active: boolean }, now: Date): MemberQuizStatus {
  const s = quizStatus(q, now);
  if (s === 'upcoming') return 'upcoming';
  if (s === 'open' && (mine.active || mine.attemptsUsed < q.attemptsAllowed)) return 'open';
  return mine.gradedCount > 0 ? 'done' : 'missed';
}

/** When right answers and explanations may be shown: null = never. */
export function reviewAvailableAt(q: { reviewPolicy: ReviewPolicy; closesAt: string }, submittedAt: string): string | null {
  if (q.reviewPolicy === 'never') return null;
  return q.reviewPolicy === 'immediate' ? submittedAt : q.closesAt;
}

export function reviewVisible(q: { reviewPolicy: ReviewPolicy; closesAt: string }, submittedAt: string, now: Date): boolean {
  const at = reviewAvailableAt(q, submittedAt);
  return at !== null && now.toISOString() >= at;
}

/** The score that counts after a new graded attempt. */
export function countedScore(rule: 'best' | 'last', previous: number | null, latest: number): number {
  if (rule === 'last' || previous === null) return latest;
  return Math.max(previous, latest);
}
