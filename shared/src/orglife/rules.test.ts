import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLIEST_MEETING, meetingDateProblem, meetingTypes } from './meetings';
import { emptyReportFigures, sumFigures } from './report';
import {
  attendanceRate, complianceOfType, defaultFrequencies, endOfMonthMs, isOrgLifeBehind, monthOf, previousWindowMonth, reportDueMs,
  windowKey, windowKeysOf, windowMonths,
} from './rules';

describe('org-life periods', () => {
  it('counts by the China calendar: 16:30 UTC on the last day is already next month', () => {
    expect(monthOf('2026-03-31T15:59:00.000Z')).toBe('2026-03');
    expect(monthOf('2026-03-31T16:30:00.000Z')).toBe('2026-04');
  });

  it('finds the windows of each cadence', () => {
    expect(windowKeysOf('2026-11')).toEqual(['M2026-11', 'Q2026-4', 'Y2026']);
    expect(windowKey('2026-01', 'quarter')).toBe('Q2026-1');
    expect(windowMonths('2026-05', 'quarter')).toEqual({ first: '2026-04', last: '2026-06' });
    expect(previousWindowMonth('2026-05', 'quarter')).toBe('2026-03');
    expect(previousWindowMonth('2026-01', 'month')).toBe('2025-12');
  });

  it('ends a month at 23:59:59.999 China time', () => {
    expect(new Date(endOfMonthMs('2026-02')).toISOString()).toBe('2026-02-28T15:59:59.999Z');
    expect(new Date(endOfMonthMs('2026-12')).toISOString()).toBe('2026-12-31T15:59:59.999Z');
  });

  it('makes a report due on the last day by default or on a set day of the next month', () => {
    expect(new Date(reportDueMs('2026-03', null)).toISOString()).toBe('2026-03-31T15:59:59.999Z');
    expect(new Date(reportDueMs('2026-03', 5)).toISOString()).toBe('2026-04-05T15:59:59.999Z');
  });

  it('puts every month in exactly one window per cadence, the same for all months of a quarter', () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      const q = windowMonths(month, 'quarter');
      expect(windowKey(q.first, 'quarter')).toBe(windowKey(month, 'quarter'));
      expect(windowKey(q.last, 'quarter')).toBe(windowKey(month, 'quarter'));
      expect(q.first <= month && month <= q.last).toBe(true);
    }));
  });
});

describe('compliance of a type', () => {
  const nov = '2026-11';
  const inNov = Date.parse('2026-11-15T00:00:00Z');
  const inDec = Date.parse('2026-12-02T00:00:00Z');

  it('is pending while the window is open and overdue once it closed short', () => {
    expect(complianceOfType('committee_meeting', defaultFrequencies.committee_meeting, nov, 0, 1, inNov).status).toBe('pending');
    expect(complianceOfType('committee_meeting', defaultFrequencies.committee_meeting, nov, 0, 1, inDec).status).toBe('overdue');
    expect(complianceOfType('committee_meeting', defaultFrequencies.committee_meeting, nov, 1, 1, inDec).status).toBe('done');
  });

  it('holds a quarterly type open until the quarter ends', () => {
    expect(complianceOfType('party_lecture', defaultFrequencies.party_lecture, nov, 0, 1, inDec).status).toBe('pending');
  });

  it('flags a branch that is overdue now or ended the last window short', () => {
    const ok = complianceOfType('theme_day', defaultFrequencies.theme_day, nov, 0, 1, inNov);
    const shortBefore = complianceOfType('theme_day', defaultFrequencies.theme_day, nov, 0, 0, inNov);
    expect(isOrgLifeBehind([ok])).toBe(false);
    expect(isOrgLifeBehind([ok, shortBefore])).toBe(true);
  });

  it('never asks for a type set to zero times', () => {
    const c = complianceOfType('group_meeting', { every: 'month', times: 0 }, nov, 0, 0, inDec);
    expect(c.status).toBe('not_required');
    expect(isOrgLifeBehind([c])).toBe(false);
  });
});

describe('report figures', () => {
  it('roll up as sums, rates recomputed from the sums', () => {
    fc.assert(fc.property(fc.array(fc.record({ attended: fc.nat(500), extra: fc.nat(500), held: fc.nat(20) }), { minLength: 1, maxLength: 8 }), (parts) => {
      const figures = parts.map((p) => {
        const f = emptyReportFigures();
        f.orgLife.attended = p.attended;
        f.orgLife.expected = p.attended + p.extra;
        f.orgLife.held.theme_day = p.held;
        f.orgLife.heldTotal = p.held;
        return f;
      });
      const sum = sumFigures(figures);
      const attended = parts.reduce((s, p) => s + p.attended, 0);
      const expected = parts.reduce((s, p) => s + p.attended + p.extra, 0);
      expect(sum.orgLife.attended).toBe(attended);
      expect(sum.orgLife.held.theme_day).toBe(parts.reduce((s, p) => s + p.held, 0));
      expect(sum.orgLife.attendanceRate).toBe(attendanceRate(attended, expected));
      for (const t of meetingTypes) expect(sum.orgLife.due[t]).toBe(0);
    }));
  });
});

describe('meeting dates', () => {
  const now = new Date('2026-11-30T04:00:00.000Z');
  it('takes any meeting from 2000 on, held up to now, planned up to a year ahead', () => {
    fc.assert(fc.property(fc.integer({ min: Date.parse(EARLIEST_MEETING), max: now.getTime() }), fc.constantFrom('held' as const, 'scheduled' as const), (t, status) =>
      meetingDateProblem(status, new Date(t).toISOString(), now) === null));
    expect(meetingDateProblem('scheduled', '2027-11-29T02:00:00.000Z', now)).toBeNull();
    expect(meetingDateProblem('held', '2026-11-30T04:04:00.000Z', now)).toBeNull();
  });

  it('refuses a typing slip in the year, and a held meeting in the future', () => {
    expect(meetingDateProblem('held', '1900-07-01T02:00:00.000Z', now)?.message).toBe('会议时间不能早于 2000 年 1 月 1 日');
    expect(meetingDateProblem('scheduled', '1999-12-31T15:59:00.000Z', now)?.message).toBe('会议时间不能早于 2000 年 1 月 1 日');
    expect(meetingDateProblem('held', '2026-11-30T05:00:00.000Z', now)?.detail).toBe('尚未到会议时间，不能标记为已召开');
    expect(meetingDateProblem('scheduled', '2206-11-30T05:00:00.000Z', now)?.message).toBe('预约的会议最多安排在一年以内');
  });
});
