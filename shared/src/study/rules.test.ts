import { describe, expect, it } from 'vitest';
import { totalsOf } from './archive-totals';
import { pickOfDay } from './home';
import { isBehind } from './plan';
import { figuresOf } from './report';
import { checkInWindow } from './community';

describe('archive totals', () => {
  it('sums points and minutes and counts each kind', () => {
    const at = '2026-03-01T00:00:00.000Z';
    const t = totalsOf([
      { id: '1', kind: 'lesson', refId: 'l1', title: 'a', at, points: 1 },
      { id: '2', kind: 'points', refId: 'd1', title: 'b', at, minutes: 12.5, points: 2 },
      { id: '3', kind: 'quiz', refId: 'q1', title: 'c', at, score: 90, passed: true },
      { id: '4', kind: 'quiz', refId: 'q2', title: 'd', at, score: 40, passed: false },
      { id: '5', kind: 'session', refId: 's1', title: 'e', at, minutes: 60, points: 5 },
    ]);
    expect(t).toEqual({ points: 8, minutes: 72.5, lessonsCompleted: 1, quizzesTaken: 2, quizzesPassed: 1, sessionsAttended: 1, reflections: 0 });
  });

  it('counts a quiz taken three times once, and as passed once one attempt passed', () => {
    const at = '2026-03-01T00:00:00.000Z';
    const t = totalsOf([
      { id: 'a1', kind: 'quiz', refId: 'a1', subjectId: 'quiz-1', title: 'q', at, passed: false },
      { id: 'a2', kind: 'quiz', refId: 'a2', subjectId: 'quiz-1', title: 'q', at, passed: true },
      { id: 'a3', kind: 'quiz', refId: 'a3', subjectId: 'quiz-1', title: 'q', at, passed: true },
    ]);
    expect(t).toMatchObject({ quizzesTaken: 1, quizzesPassed: 1 });
  });
});

describe('study plans', () => {
  const day = 86_400_000;
  it('is behind when the share done lags the share of time gone, and always after the deadline', () => {
    expect(isBehind(1, 4, 0, 10 * day, 5 * day)).toBe(true);
    expect(isBehind(2, 4, 0, 10 * day, 5 * day)).toBe(false);
    expect(isBehind(3, 4, 0, 10 * day, 11 * day)).toBe(true);
    expect(isBehind(4, 4, 0, 10 * day, 11 * day)).toBe(false);
  });
});

describe('daily pick and reports', () => {
  it('picks the same lesson all day and another the next day', () => {
    expect(pickOfDay(['a', 'b', 'c'], '2026-03-01')).toBe(pickOfDay(['a', 'b', 'c'], '2026-03-01'));
    expect(pickOfDay(['a', 'b', 'c'], '2026-03-01')).not.toBe(pickOfDay(['a', 'b', 'c'], '2026-03-02'));
    expect(pickOfDay([], '2026-03-01')).toBeNull();
  });

  it('works out completion over the lessons available to every member', () => {
    const f = figuresOf([
      { lessonsCompleted: 4, minutes: 30, points: 6, sessions: 1 },
      { lessonsCompleted: 0, minutes: 0, points: 0, sessions: 0 },
    ], 4);
    expect(f).toEqual({ members: 2, activeMembers: 1, lessonsCompleted: 4, completion: 0.5, minutes: 30, points: 6 });
  });

  it('opens check-in half an hour before a session and closes it half an hour after', () => {
    const w = checkInWindow('2026-03-01T02:00:00.000Z', 60);
    expect(new Date(w.opensMs).toISOString()).toBe('2026-03-01T01:30:00.000Z');
    expect(new Date(w.closesMs).toISOString()).toBe('2026-03-01T03:30:00.000Z');
  });
});
