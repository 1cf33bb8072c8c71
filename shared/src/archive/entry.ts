import * as z from 'zod/mini';
import { isoDateTime } from '../http/common';

/** What lands in a member's archive (学习档案): every kind of study and test that counts in the yearly evaluation. */
export const archiveKinds = ['lesson', 'quiz', 'offline_exam', 'topic_score', 'session', 'reflection', 'points'] as const;
export const archiveKind = z.enum(archiveKinds);
export type ArchiveKind = z.infer<typeof archiveKind>;

export const archiveEntry = z.object({
  id: z.string(),
  kind: archiveKind,
  /** The lesson, quiz, attempt, session… the entry is about. */
  refId: z.string(),
  /** What several entries share, e.g. the quiz of each attempt: totals count it once. */
  subjectId: z.optional(z.string()),
  title: z.string(),
  at: isoDateTime,
  score: z.optional(z.number()),
  maxScore: z.optional(z.number()),
  passed: z.optional(z.boolean()),
  minutes: z.optional(z.number()),
  points: z.optional(z.number()),
  detail: z.optional(z.string()),
});
export type ArchiveEntry = z.infer<typeof archiveEntry>;
