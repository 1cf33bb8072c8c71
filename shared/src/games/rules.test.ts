import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seededRandom } from '../quiz/random';
import { afterPractice, closeExpiredQuestions, DUEL_QUESTION_SECONDS, duelOutcome, isoWeek, nextStreak, periodsOf, pickFresh, previousDay, questionWinner, rankSortKey } from './rules';

describe('pickFresh', () => {
  const pool = Array.from({ length: 10 }, (_, i) => ({ id: `q${i}` }));
  it('takes unseen questions before seen ones', () => {
    const seen = new Set(['q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']);
    const picked = pickFresh(pool, seen, 5, seededRandom('x')).map((q) => q.id);
    expect(picked.slice(0, 2).sort()).toEqual(['q8', 'q9']);
    expect(new Set(picked).size).toBe(5);
  });
  it('never repeats and never exceeds the pool', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 9 })), fc.integer({ min: 0, max: 15 }), fc.string(), (seenIdx, count, seed) => {
      const seen = new Set(seenIdx.map((i) => `q${i}`));
      const picked = pickFresh(pool, seen, count, seededRandom(seed));
      expect(picked.length).toBe(Math.min(count, pool.length));
      expect(new Set(picked.map((q) => q.id)).size).toBe(picked.length);
      const firstSeen = picked.findIndex((q) => seen.has(q.id));
      if (firstSeen >= 0) expect(picked.slice(firstSeen).every((q) => seen.has(q.id))).toBe(true);
    }));
  });
});

describe('streak', () => {
  it('grows on consecutive days and restarts after a gap', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(nextStreak(undefined, 0, '2026-03-01')).toBe(1);
    expect(nextStreak('2026-02-28', 4, '2026-03-01')).toBe(5);
    expect(nextStreak('2026-02-27', 4, '2026-03-01')).toBe(1);
    expect(nextStreak('2026-03-01', 4, '2026-03-01')).toBe(4);
  });
});

describe('mistakes book', () => {
  it('clears a question after two right answers in a row, and a wrong one starts again', () => {
    let s = afterPractice(0, true);
    expect(s).toEqual({ rightInARow: 1, cleared: false });
    s = afterPractice(s.rightInARow, false);
    expect(s).toEqual({ rightInARow: 0, cleared: false });
    s = afterPractice(afterPractice(0, true).rightInARow, true);
    expect(s.cleared).toBe(true);
  });
});

describe('head-to-head', () => {
  it('gives each question to the faster right answer', () => {
    expect(questionWinner({ a: { at: 10, correct: true }, b: { at: 5, correct: true } })).toBe('b');
    expect(questionWinner({ a: { at: 10, correct: true }, b: { at: 5, correct: false } })).toBe('a');
    expect(questionWinner({ a: undefined, b: { at: 5, correct: false } })).toBeNull();
    expect(questionWinner({ a: { at: 5, correct: true }, b: { at: 5, correct: true } })).toBeNull();
  });
  it('counts wins and finds the winner or a draw', () => {
    const qs = [
      { a: { at: 1, correct: true }, b: { at: 2, correct: true } },
      { a: { at: 3, correct: false }, b: { at: 2, correct: true } },
      { a: { at: 1, correct: true } },
    ];
    expect(duelOutcome(['a', 'b'], qs)).toEqual({ wins: { a: 2, b: 1 }, winner: 'a' });
    expect(duelOutcome(['a', 'b'], qs.slice(0, 2)).winner).toBeNull();
  });
  it('is symmetric: swapping the players swaps the result', () => {
    const ans = fc.option(fc.record({ at: fc.integer({ min: 0, max: 1000 }), correct: fc.boolean() }), { nil: undefined });
    fc.assert(fc.property(fc.array(fc.tuple(ans, ans), { maxLength: 5 }), (pairs) => {
      const one = duelOutcome(['a', 'b'], pairs.map(([x, y]) => ({ a: x, b: y })));
      const two = duelOutcome(['a', 'b'], pairs.map(([x, y]) => ({ a: y, b: x })));
      expect(one.wins.a).toBe(two.wins.b);
      expect(one.winner === null).toBe(two.winner === null);
    }));
  });
});

describe('per-question deadline of a head-to-head round (server clock)', () => {
  const Q = DUEL_QUESTION_SECONDS * 1000;
  const none = [{}, {}, {}, {}, {}];
  it('leaves a question open up to its deadline', () => {
    expect(closeExpiredQuestions(['a', 'b'], 0, 1000, none, 1000 + Q)).toEqual({ index: 0, openMs: 1000, missed: [], dropped: [] });
  });
  it('closes a question at its deadline: the silent player missed it, the next opens at that deadline for both', () => {
    const answers = [{ a: { at: 2000, correct: true } }, {}, {}, {}, {}];
    expect(closeExpiredQuestions(['a', 'b'], 0, 1000, answers, 1000 + Q + 1)).toEqual({ index: 1, openMs: 1000 + Q, missed: [{ index: 0, userId: 'b', at: 1000 + Q }], dropped: [] });
  });
  it('drops a player at two misses in a row, however late the next read comes', () => {
    const answers = [{ a: { at: 2000, correct: false } }, {}, {}, {}, {}];
    const c = closeExpiredQuestions(['a', 'b'], 0, 0, answers, 10 * Q);
    expect(c.dropped).toEqual(['b']);
    expect(c.index).toBe(2);
  });
  it('counts misses stored earlier towards the run', () => {
    const answers = [{}, { a: { at: 1, correct: true }, b: { at: Q, correct: false, missed: true } }, {}, {}, {}];
    expect(closeExpiredQuestions(['a', 'b'], 2, 2 * Q, answers, 3 * Q + 1).dropped).toEqual(['b']);
  });
  it('never closes more than the five questions', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 20 * Q }), (index, now) => {
      const c = closeExpiredQuestions(['a', 'b'], index, 0, none, now);
      return c.index <= 5 && c.index >= index && c.missed.every((m) => m.index >= index && m.index < c.index);
    }));
  });
});

describe('rank periods', () => {
  it('numbers ISO weeks in China time', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
    // 2026-11-29 20:00 UTC is already Monday 30 November in China.
    expect(periodsOf(Date.parse('2026-11-29T20:00:00Z'))).toEqual({ week: '2026-W49', month: '2026-11', year: '2026' });
  });
  it('sorts points as strings in numeric order', () => {
    fc.assert(fc.property(fc.nat(1e7), fc.nat(1e7), (a, b) => {
      expect(Math.sign(rankSortKey(a).localeCompare(rankSortKey(b)))).toBe(Math.sign(a - b));
    }));
  });
});
