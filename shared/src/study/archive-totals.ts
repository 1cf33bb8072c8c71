import * as z from 'zod/mini';
import { archiveEntry, type ArchiveEntry } from '../archive/entry';

export const archiveTotals = z.object({
  points: z.number(),
  minutes: z.number(),
  lessonsCompleted: z.number(),
  quizzesTaken: z.number(),
  quizzesPassed: z.number(),
  sessionsAttended: z.number(),
  reflections: z.number(),
});
export type ArchiveTotals = z.infer<typeof archiveTotals>;

/** GET /me/archive: the member's archive (学习档案), newest first, with its totals. */
export const memberArchive = z.object({
  items: z.array(archiveEntry),
  totals: archiveTotals,
  nextCursor: z.nullable(z.string()),
});
export type MemberArchive = z.infer<typeof memberArchive>;

/**
 * Sums an archive. Each minute and each point is recorded on exactly one entry, so plain sums are
 * right; a quiz taken several times counts once (taken), and once if any attempt passed.
 */
export function totalsOf(entries: readonly ArchiveEntry[]): ArchiveTotals {
  const t: ArchiveTotals = { points: 0, minutes: 0, lessonsCompleted: 0, quizzesTaken: 0, quizzesPassed: 0, sessionsAttended: 0, reflections: 0 };
  const taken = new Set<string>();
  const passed = new Set<string>();
  for (const e of entries) {
    t.points += e.points ?? 0;
    t.minutes += e.minutes ?? 0;
    if (e.kind === 'lesson') t.lessonsCompleted++;
    if (e.kind === 'quiz') {
      const quiz = e.subjectId ?? e.refId;
      taken.add(quiz);
      if (e.passed) passed.add(quiz);
    }
    if (e.kind === 'session') t.sessionsAttended++;
    if (e.kind === 'reflection') t.reflections++;
  }
  t.quizzesTaken = taken.size;
  t.quizzesPassed = passed.size;
  t.minutes = Math.round(t.minutes * 10) / 10;
  return t;
}
