import * as z from 'zod/mini';
import { id } from '../http/common';

export const reportQuery = z.strictObject({ orgId: z.optional(id) });

export const studyFigures = z.object({
  members: z.number(),
  /** Members who studied at all (any lesson completed, session attended, or minutes recorded). */
  activeMembers: z.number(),
  lessonsCompleted: z.number(),
  /** Share of the topics' published lessons completed, over all members (0–1). */
  completion: z.number(),
  minutes: z.number(),
  points: z.number(),
});
export type StudyFigures = z.infer<typeof studyFigures>;

export const studyReport = z.object({
  orgId: z.string(),
  orgName: z.string(),
  lessonsAvailable: z.number(),
  totals: studyFigures,
  /** One row per branch under the org (the org itself when it is a branch). */
  branches: z.array(z.extend(studyFigures, { orgId: z.string(), orgName: z.string() })),
});
export type StudyReport = z.infer<typeof studyReport>;

export interface MemberFigures {
  lessonsCompleted: number;
  minutes: number;
  points: number;
  sessions: number;
}

/** Sums members' figures into an org's; completion is lessons done over lessons available to all of them. */
export function figuresOf(members: readonly MemberFigures[], lessonsAvailable: number): StudyFigures {
  const lessonsCompleted = members.reduce((s, m) => s + m.lessonsCompleted, 0);
  const possible = members.length * lessonsAvailable;
  return {
    members: members.length,
    activeMembers: members.filter((m) => m.lessonsCompleted > 0 || m.minutes > 0 || m.sessions > 0).length,
    lessonsCompleted,
    completion: possible > 0 ? Math.min(1, Math.round((lessonsCompleted / possible) * 1000) / 1000) : 0,
    minutes: Math.round(members.reduce((s, m) => s + m.minutes, 0) * 10) / 10,
    points: members.reduce((s, m) => s + m.points, 0),
  };
}
