import * as z from 'zod/mini';
import type { LessonKind } from './modes';

/** A fast reader's pace for Chinese text: the reading time an article is worth. */
export const READING_CHARS_PER_MINUTE = 500;
/** No lesson is shorter than this, whatever its text. */
export const MIN_LESSON_SECONDS = 5;
/** The most one progress report can ever be worth: the client reports every few seconds while studying. */
export const MAX_REPORT_GAP_SECONDS = 60;
/** Share of a lesson's length a member must actually spend on it before it counts as completed. */
export const COMPLETION_SHARE = 0.8;
/** Articles may be read slowly: up to this many times their reading time counts. */
export const ARTICLE_CREDIT_FACTOR = 2;

/** Visible characters of an article's HTML (tags and entities removed, whitespace ignored). */
export function textLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&[#\w]+;/g, 'x')
    .replace(/\s+/g, '').length;
}

/**
 * What a lesson is worth in seconds: media duration, or an article's reading time. Audio or video
 * without its file is read as its notes, so nobody waits out the length of a recording that is not there.
 */
export function lessonLengthSeconds(l: { kind: LessonKind; body?: string; durationSeconds?: number; mediaUrl?: string }): number {
  if (l.kind !== 'article' && l.durationSeconds && l.mediaUrl) return Math.max(MIN_LESSON_SECONDS, l.durationSeconds);
  return Math.max(MIN_LESSON_SECONDS, Math.ceil((textLength(l.body ?? '') / READING_CHARS_PER_MINUTE) * 60));
}

/** The most study time the lesson can ever credit. */
export function creditCapSeconds(kind: LessonKind, lengthSeconds: number): number {
  return kind === 'article' ? lengthSeconds * ARTICLE_CREDIT_FACTOR : lengthSeconds;
}

export function requiredSeconds(lengthSeconds: number): number {
  return Math.ceil(lengthSeconds * COMPLETION_SHARE);
}

/** The server's record of one member's study of one lesson (学习记录). Times in epoch ms. */
export interface StudyState {
  /** When the current study session began (the first report after a long pause starts a new one). */
  sessionStartMs: number;
  /** The last report the server accepted. */
  lastReportMs: number;
  /** Study time credited so far, in ms, over all sessions. */
  creditedMs: number;
  /** Study time credited in the current session, in ms. */
  sessionCreditedMs: number;
  completedAtMs?: number;
}

export interface ProgressReport {
  /** Seconds the client says it spent since its previous report. */
  seconds: number;
  completed: boolean;
}

export interface ProgressOutcome {
  state: StudyState;
  creditedMs: number;
  /** True only for the report that completes the lesson: completion is recorded once. */
  newlyCompleted: boolean;
  /** The client asked to complete but not enough time has been spent yet. */
  completionRefused: boolean;
}

/**
 * Honest study time. A report is credited with the least of: what the client claims; the wall-clock
 * time since the previous accepted report (so a replayed or inflated report adds nothing, or only
 * the real time that passed); a single report's ceiling (a pause never turns into study time); the
 * wall-clock time of the session less what the session already earned; and what remains of the
 * lesson's credit cap. Completion is granted once, and only after the required time was spent.
 */
export function acceptReport(
  prev: StudyState | undefined,
  report: ProgressReport,
  nowMs: number,
  lesson: { capSeconds: number; requiredSeconds: number },
): ProgressOutcome {
  const gapMs = prev ? nowMs - prev.lastReportMs : Number.POSITIVE_INFINITY;
  const newSession = !prev || gapMs > MAX_REPORT_GAP_SECONDS * 1000;
  const base: StudyState = prev
    ? newSession ? { ...prev, sessionStartMs: nowMs, lastReportMs: nowMs, sessionCreditedMs: 0 } : prev
    : { sessionStartMs: nowMs, lastReportMs: nowMs, creditedMs: 0, sessionCreditedMs: 0 };

  const claimedMs = Math.max(0, Math.floor(report.seconds * 1000));
  const sinceLastMs = newSession ? 0 : Math.max(0, nowMs - base.lastReportMs);
  const sessionLeftMs = Math.max(0, nowMs - base.sessionStartMs - base.sessionCreditedMs);
  const lessonLeftMs = Math.max(0, lesson.capSeconds * 1000 - base.creditedMs);
  const credit = Math.min(claimedMs, sinceLastMs, MAX_REPORT_GAP_SECONDS * 1000, sessionLeftMs, lessonLeftMs);

  const state: StudyState = {
    ...base,
    lastReportMs: nowMs,
    creditedMs: base.creditedMs + credit,
    sessionCreditedMs: base.sessionCreditedMs + credit,
  };
  const enough = state.creditedMs >= lesson.requiredSeconds * 1000;
  const newlyCompleted = report.completed && enough && state.completedAtMs === undefined;
  if (newlyCompleted) state.completedAtMs = nowMs;
  return { state, creditedMs: credit, newlyCompleted, completionRefused: report.completed && !enough && state.completedAtMs === undefined };
}

export const progressBody = z.strictObject({
  /** Seconds spent on the lesson since the previous report. */
  seconds: z.number().check(z.minimum(0, '学习时长不能为负数'), z.maximum(3600, '单次上报的学习时长最多 3600 秒')),
  completed: z.boolean(),
  /** Audio/video position to resume from, in seconds. */
  position: z.optional(z.number().check(z.minimum(0, '播放位置不能为负数'), z.maximum(24 * 3600, '播放位置不正确'))),
});

export const progressResult = z.object({
  acceptedSeconds: z.number(),
  creditedSeconds: z.number(),
  requiredSeconds: z.number(),
  position: z.number(),
  completed: z.boolean(),
  newlyCompleted: z.boolean(),
  completedAt: z.optional(z.string()),
  pointsAwarded: z.number(),
  /** Why completion was not granted yet, in Chinese. */
  notice: z.optional(z.string()),
});
export type ProgressResult = z.infer<typeof progressResult>;
