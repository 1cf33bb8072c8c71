/**
 * Pure rules of the study games (每日答题, 挑战答题, 双人对战, 错题本) and of point rankings.
 */
import { studyDay } from '../study/points';
import { shuffled } from '../quiz/random';

/** Questions in one day's set. */
export const DAILY_COUNT = 5;
/** Seconds a challenge run lasts at most, and seconds each of its questions may take. */
export const CHALLENGE_SECONDS = 300;
export const CHALLENGE_QUESTION_SECONDS = 30;
/** Questions drawn for a challenge run (a run ends at the first mistake, so few reach the end). */
export const CHALLENGE_MAX = 30;
/** Questions of a head-to-head round and seconds for each. */
export const DUEL_COUNT = 5;
export const DUEL_QUESTION_SECONDS = 20;
/** Seconds a round waits for its second player before the invitation lapses. */
export const DUEL_WAIT_SECONDS = 600;
/** Right answers in a row that take a question out of the mistakes book. */
export const MISTAKE_CLEAR_STREAK = 2;

/**
 * Picks questions for a member: ones never seen first (in a random order), then seen ones, so a
 * member works through the banks before anything repeats.
 */
export function pickFresh<T extends { id: string }>(pool: readonly T[], seen: ReadonlySet<string>, count: number, random: () => number): T[] {
  const fresh = shuffled(pool.filter((q) => !seen.has(q.id)), random);
  const old = shuffled(pool.filter((q) => seen.has(q.id)), random);
  return [...fresh, ...old].slice(0, count);
}

/** The day before a study day (`2026-03-01` → `2026-02-28`). */
export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The streak after finishing the daily set on `today`: one more if yesterday was done too, else 1. */
export function nextStreak(lastDay: string | undefined, streak: number, today: string): number {
  if (lastDay === today) return streak;
  return lastDay === previousDay(today) ? streak + 1 : 1;
}

/** The state of a question in the mistakes book after an answer; `cleared` means it leaves the book. */
export function afterPractice(rightInARow: number, correct: boolean): { rightInARow: number; cleared: boolean } {
  if (!correct) return { rightInARow: 0, cleared: false };
  const n = rightInARow + 1;
  return { rightInARow: n, cleared: n >= MISTAKE_CLEAR_STREAK };
}

export interface DuelAnswer {
  /** Server time (ms) the answer arrived (for a missed question: its deadline). */
  at: number;
  correct: boolean;
  /** No answer reached the server before the question's deadline. */
  missed?: boolean;
}

/** Questions a player may miss in a row before the round ends with them out (dropped out: lost by timeout). */
export const DUEL_MISS_LIMIT = 2;

export interface DuelClosing {
  index: number;
  openMs: number;
  /** Players who missed a question closed now, at its deadline. */
  missed: { index: number; userId: string; at: number }[];
  /** Players out of the round: DUEL_MISS_LIMIT questions missed in a row. */
  dropped: string[];
}

/**
 * The server's clock decides, never the phone's: every question whose deadline (opened + DUEL_QUESTION_SECONDS)
 * passed by `nowMs` is closed; a player with no answer stored by then missed it, and the next question
 * opens at that deadline, the same for both players. Stops at the first question that leaves a player
 * DUEL_MISS_LIMIT misses in a row.
 */
export function closeExpiredQuestions(
  players: readonly string[], index: number, openMs: number, answers: readonly Readonly<Record<string, DuelAnswer | undefined>>[], nowMs: number,
): DuelClosing {
  const missed: DuelClosing['missed'] = [];
  const isMissed = (k: number, u: string) => Boolean(answers[k]?.[u]?.missed) || missed.some((m) => m.index === k && m.userId === u);
  let i = index;
  let open = openMs;
  while (i < DUEL_COUNT && nowMs > open + DUEL_QUESTION_SECONDS * 1000) {
    const deadline = open + DUEL_QUESTION_SECONDS * 1000;
    for (const u of players) if (!answers[i]?.[u]) missed.push({ index: i, userId: u, at: deadline });
    const dropped = players.filter((u) => {
      let run = 0;
      for (let k = i; k >= 0 && isMissed(k, u); k--) run++;
      return run >= DUEL_MISS_LIMIT;
    });
    i += 1;
    open = deadline;
    if (dropped.length) return { index: i, openMs: open, missed, dropped };
  }
  return { index: i, openMs: open, missed, dropped: [] };
}

/** Who took one question: the faster correct answer; nobody when neither is right or both are right at the same instant. */
export function questionWinner(answers: Readonly<Record<string, DuelAnswer | undefined>>): string | null {
  let best: [string, number] | null = null;
  let tied = false;
  for (const [player, a] of Object.entries(answers)) {
    if (!a?.correct) continue;
    if (!best || a.at < best[1]) {
      best = [player, a.at];
      tied = false;
    } else if (a.at === best[1]) tied = true;
  }
  // Two right answers in the same millisecond: neither is first, so neither wins the question.
  return best && !tied ? best[0] : null;
}

/** Questions won by each player and the round's winner (null for a draw). */
export function duelOutcome(players: readonly string[], questions: readonly Readonly<Record<string, DuelAnswer | undefined>>[]): { wins: Record<string, number>; winner: string | null } {
  const wins: Record<string, number> = Object.fromEntries(players.map((p) => [p, 0]));
  for (const q of questions) {
    const w = questionWinner(q);
    if (w && w in wins) wins[w]! += 1;
  }
  const [a, b] = players;
  if (a === undefined || b === undefined || wins[a] === wins[b]) return { wins, winner: null };
  return { wins, winner: wins[a]! > wins[b]! ? a : b };
}

export const rankPeriods = ['week', 'month', 'year'] as const;
export type RankPeriod = (typeof rankPeriods)[number];
export const rankScopes = ['branch', 'institution', 'bureau'] as const;
export type RankScope = (typeof rankScopes)[number];

/** ISO-8601 week of a study day (China time), e.g. `2026-W09`: rankings of the week reset on Monday. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow + 3);
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The week, month and year an instant counts towards (China time). */
export function periodsOf(ms: number): Record<RankPeriod, string> {
  const day = studyDay(ms);
  return { week: isoWeek(day), month: day.slice(0, 7), year: day.slice(0, 4) };
}

/** A sort key whose string order is the points' numeric order (the top of a ranking is a descending Query). */
export function rankSortKey(points: number): string {
  return String(Math.max(0, Math.min(99_999_999, Math.floor(points)))).padStart(8, '0');
}
