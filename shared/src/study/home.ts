import * as z from 'zod/mini';
import { lessonSummary } from './content';
import { memberPlan } from './plan';

/** The study tab: today's pick (每日一课) and the member's plans. */
export const studyHome = z.object({
  dailyPick: z.nullable(z.extend(lessonSummary, { topicTitle: z.string() })),
  plans: z.array(memberPlan),
});
export type StudyHome = z.infer<typeof studyHome>;

/** Today's lesson: the same for everyone on one day, walking through the candidates day by day. */
export function pickOfDay<T>(candidates: readonly T[], day: string): T | null {
  if (candidates.length === 0) return null;
  const dayNumber = Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
  return candidates[((dayNumber % candidates.length) + candidates.length) % candidates.length]!;
}
