import * as z from 'zod/mini';
import { meetingType, meetingTypes, type MeetingType } from './meetings';

export const cadences = ['month', 'quarter', 'year'] as const;
export const cadence = z.enum(cadences);
export type Cadence = z.infer<typeof cadence>;
export const cadenceLabels: Record<Cadence, string> = { month: '每月', quarter: '每季度', year: '每年' };

export interface Frequency { every: Cadence; times: number }
export type Frequencies = Record<MeetingType, Frequency>;

/** 支委会、党小组会、主题党日 monthly; 支部党员大会、党课 quarterly; 组织生活会、民主评议 yearly. */
export const defaultFrequencies: Frequencies = {
  member_meeting: { every: 'quarter', times: 1 },
  committee_meeting: { every: 'month', times: 1 },
  group_meeting: { every: 'month', times: 1 },
  party_lecture: { every: 'quarter', times: 1 },
  theme_day: { every: 'month', times: 1 },
  life_meeting: { every: 'year', times: 1 },
  member_review: { every: 'year', times: 1 },
};

export const frequency = z.strictObject({
  every: cadence,
  times: z.int().check(z.minimum(0, '次数不能为负'), z.maximum(31, '次数最多 31')),
});
export const orgLifeRules = z.object({
  provinceId: z.string(),
  frequencies: z.record(meetingType, frequency),
  /** Day of the month a monthly report is due; null: the last day of the month. */
  reportDueDay: z.nullable(z.int()),
});
export type OrgLifeRules = z.infer<typeof orgLifeRules>;
export const updateRulesBody = z.strictObject({
  frequencies: z.optional(z.partialRecord(meetingType, frequency)),
  reportDueDay: z.optional(z.nullable(z.int().check(z.minimum(1, '截止日应为 1–28'), z.maximum(28, '截止日应为 1–28')))),
});

/** `YYYY-MM` of a time, in China time (UTC+8): meetings and reports are counted by the local calendar. */
export function monthOf(iso: string | number): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

export { monthParam, monthPattern } from './month';

/** The key of the window of a cadence that holds a month: `M2026-11`, `Q2026-4`, `Y2026`. */
export function windowKey(month: string, every: Cadence): string {
  const [y, m] = [month.slice(0, 4), Number(month.slice(5, 7))];
  if (every === 'month') return `M${month}`;
  if (every === 'quarter') return `Q${y}-${Math.ceil(m / 3)}`;
  return `Y${y}`;
}

/** The window keys a month falls into (one per cadence). */
export function windowKeysOf(month: string): string[] {
  return cadences.map((c) => windowKey(month, c));
}

/** First and last month of the window of `every` holding `month`. */
export function windowMonths(month: string, every: Cadence): { first: string; last: string } {
  const y = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  const pad = (n: number) => `${y}-${String(n).padStart(2, '0')}`;
  if (every === 'month') return { first: month, last: month };
  if (every === 'quarter') {
    const q = Math.ceil(m / 3);
    return { first: pad(q * 3 - 2), last: pad(q * 3) };
  }
  return { first: pad(1), last: pad(12) };
}

/** The month before `month`. */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The last instant (UTC) of a month in China time: 23:59:59.999 local on its last day. */
export function endOfMonthMs(month: string): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return Date.UTC(y, m, 1) - 8 * 3_600_000 - 1;
}

/** When the report of `month` is due: the given day of the following month, or the month's last day. */
export function reportDueMs(month: string, dueDay: number | null): number {
  if (dueDay === null) return endOfMonthMs(month);
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return Date.UTC(y, m, dueDay + 1) - 8 * 3_600_000 - 1;
}

export type TypeStatus = 'done' | 'pending' | 'overdue' | 'not_required';

export interface TypeCompliance {
  type: MeetingType;
  every: Cadence;
  due: number;
  held: number;
  /** How many are missing once the window has closed short (0 while it is open). */
  overdue: number;
  status: TypeStatus;
  /** The window before this one ended short: the branch is behind even if this window is still open. */
  previousShort: boolean;
}

/**
 * Held / due / overdue of one type for the window holding `month`: overdue once the window has ended
 * short of what is due; pending while it is still open.
 */
export function complianceOfType(
  type: MeetingType, f: Frequency, month: string, held: number, previousHeld: number | null, nowMs: number,
): TypeCompliance {
  const { last } = windowMonths(month, f.every);
  let status: TypeStatus;
  if (f.times === 0) status = 'not_required';
  else if (held >= f.times) status = 'done';
  else status = nowMs > endOfMonthMs(last) ? 'overdue' : 'pending';
  const previousShort = f.times > 0 && previousHeld !== null && previousHeld < f.times;
  return { type, every: f.every, due: f.times, held, overdue: status === 'overdue' ? f.times - held : 0, status, previousShort };
}

/** A party org is behind when any type is overdue in this window or ended short in the window before. */
export function isOrgLifeBehind(types: TypeCompliance[]): boolean {
  return types.some((t) => t.status === 'overdue' || t.previousShort);
}

/** The window before the one holding `month`, as the month that ends it. */
export function previousWindowMonth(month: string, every: Cadence): string {
  return previousMonth(windowMonths(month, every).first);
}

/** Attendance rate in percent with one decimal, or null when nobody was expected. */
export function attendanceRate(attended: number, expected: number): number | null {
  return expected > 0 ? Math.round((attended / expected) * 1000) / 10 : null;
}

export const allMeetingTypes = meetingTypes;
