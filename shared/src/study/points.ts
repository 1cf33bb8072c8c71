/**
 * Study points (学习积分), as the big study apps do it: each kind of activity earns points by a rule
 * and stops earning for the day at its cap. Units are counts (a lesson, a reflection, a session) or,
 * for study time, seconds.
 */
export const pointKinds = ['article', 'media', 'study_time', 'reflection', 'session', 'quiz', 'daily', 'challenge', 'duel'] as const;
export type PointKind = (typeof pointKinds)[number];

export interface PointRule {
  label: string;
  /** Points for every `per` units. */
  points: number;
  per: number;
  /** The most points this kind earns in one day. */
  dailyCap: number;
}

export type PointRules = Record<PointKind, PointRule>;

export const defaultPointRules: PointRules = {
  article: { label: '阅读图文课程', points: 1, per: 1, dailyCap: 6 },
  media: { label: '收听收看音视频', points: 1, per: 1, dailyCap: 6 },
  study_time: { label: '学习时长（每 5 分钟）', points: 1, per: 300, dailyCap: 6 },
  reflection: { label: '学习心得（审核通过）', points: 2, per: 1, dailyCap: 4 },
  session: { label: '参加集中学习', points: 5, per: 1, dailyCap: 10 },
  // Units below are right answers (quiz, daily, challenge) or round results (duel: 2 a win, 1 a draw or a loss).
  quiz: { label: '知识测试（每答对 2 题）', points: 1, per: 2, dailyCap: 5 },
  daily: { label: '每日答题（每答对 1 题）', points: 1, per: 1, dailyCap: 5 },
  challenge: { label: '挑战答题（每连续答对 3 题）', points: 1, per: 3, dailyCap: 6 },
  duel: { label: '双人对战（胜 2 分，平或负 1 分）', points: 1, per: 1, dailyCap: 4 },
};

/** Points a day's units are worth under a rule, capped. */
export function pointsForDay(rule: PointRule, units: number): number {
  if (!(units > 0) || rule.per <= 0) return 0;
  return Math.min(rule.dailyCap, Math.floor(units / rule.per) * rule.points);
}

/** Points earned by adding `added` units to the `before` units already earned today. */
export function pointsAwarded(rule: PointRule, before: number, added: number): number {
  return pointsForDay(rule, before + Math.max(0, added)) - pointsForDay(rule, before);
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day (China Standard Time) of an instant, e.g. `2026-03-01`: daily caps reset at local midnight. */
export function studyDay(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant a study day begins. */
export function studyDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS).toISOString();
}

/** Reads rules from JSON (e.g. an environment variable), keeping defaults for kinds it omits or gets wrong. */
export function parsePointRules(json: string | undefined): PointRules {
  if (!json) return defaultPointRules;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return defaultPointRules;
  }
  const out: PointRules = { ...defaultPointRules };
  if (raw && typeof raw === 'object') {
    for (const kind of pointKinds) {
      const r = (raw as Record<string, Partial<PointRule>>)[kind];
      if (!r) continue;
      const ok = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
      if (ok(r.points) && ok(r.per) && r.per! > 0 && ok(r.dailyCap)) {
        out[kind] = { label: r.label ?? defaultPointRules[kind].label, points: r.points!, per: r.per!, dailyCap: r.dailyCap! };
      }
    }
  }
  return out;
}
