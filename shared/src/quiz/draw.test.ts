import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawQuestions, drawRules, drawShortfall, type Drawable } from './draw';
import { countedScore, memberStatus, quizStatus, reviewVisible } from './quiz';
import { correctRates, rankBy } from './results';
import { seededRandom } from './random';

const pool: Drawable[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, type: 'single' as const, tags: i < 3 ? ['援助'] : [] })),
  ...Array.from({ length: 5 }, (_, i) => ({ id: `m${i}`, type: 'multiple' as const, tags: [] })),
  ...Array.from({ length: 4 }, (_, i) => ({ id: `j${i}`, type: 'judge' as const, tags: [] })),
];

describe('random draw', () => {
  it('takes the asked number per type, no repeats, singles first', () => {
    fc.assert(fc.property(fc.string(), (seed) => {
      const ids = drawQuestions(pool, drawRules({ single: 4, multiple: 2, judge: 3 }), seededRandom(seed));
      expect(ids).toHaveLength(9);
      expect(new Set(ids).size).toBe(9);
      expect(ids.map((i) => i[0]).join('')).toBe('ssssmmjjj');
    }));
  });
  it('serves tag rules from tagged questions without taking them twice', () => {
    fc.assert(fc.property(fc.string(), (seed) => {
      const ids = drawQuestions(pool, drawRules({ single: 7, rules: [{ type: 'single', count: 3, tag: '援助' }] }), seededRandom(seed));
      expect(new Set(ids).size).toBe(10);
      expect(['s0', 's1', 's2'].every((s) => ids.includes(s))).toBe(true);
    }));
  });
  it('says what is missing when the bank is too small', () => {
    expect(drawShortfall(pool, drawRules({ judge: 5 }))).toBe('题库中判断题只有 4 道，不够抽取 5 道');
    expect(drawShortfall(pool, drawRules({ single: 2, tag: '援助' }))).toBeNull();
    expect(drawShortfall(pool, drawRules({ single: 2, tag: '援助', judge: 1 }))).toContain('标签「援助」的判断题只有 0 道');
    expect(drawShortfall(pool, drawRules({ single: 4, tag: '援助' }))).toContain('标签「援助」的单选题只有 3 道');
  });
});

describe('quiz rules', () => {
  const q = { opensAt: '2025-01-01T00:00:00.000Z', closesAt: '2025-01-10T00:00:00.000Z', attemptsAllowed: 2, reviewPolicy: 'after_close' as const };
  it('status follows the server clock', () => {
    expect(quizStatus(q, new Date('2024-12-31T00:00:00Z'))).toBe('upcoming');
    expect(quizStatus(q, new Date('2025-01-05T00:00:00Z'))).toBe('open');
    expect(quizStatus(q, new Date('2025-01-10T00:00:00Z'))).toBe('closed');
  });
  it('a member is open, done or missed', () => {
    const open = new Date('2025-01-05T00:00:00Z');
    const after = new Date('2025-02-01T00:00:00Z');
    expect(memberStatus(q, { gradedCount: 1, attemptsUsed: 1, active: false }, open)).toBe('open');
    expect(memberStatus(q, { gradedCount: 2, attemptsUsed: 2, active: false }, open)).toBe('done');
    expect(memberStatus(q, { gradedCount: 0, attemptsUsed: 0, active: false }, after)).toBe('missed');
    expect(memberStatus(q, { gradedCount: 1, attemptsUsed: 1, active: false }, after)).toBe('done');
  });
  it('review after close waits for the close', () => {
    expect(reviewVisible(q, '2025-01-05T00:00:00.000Z', new Date('2025-01-06T00:00:00Z'))).toBe(false);
    expect(reviewVisible(q, '2025-01-05T00:00:00.000Z', new Date('2025-01-11T00:00:00Z'))).toBe(true);
    expect(reviewVisible({ ...q, reviewPolicy: 'never' }, '2025-01-05T00:00:00.000Z', new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(reviewVisible({ ...q, reviewPolicy: 'immediate' }, '2025-01-05T00:00:00.000Z', new Date('2025-01-05T00:00:00Z'))).toBe(true);
  });
  it('best or last score counts', () => {
    expect(countedScore('best', 80, 60)).toBe(80);
    expect(countedScore('last', 80, 60)).toBe(60);
    expect(countedScore('best', null, 60)).toBe(60);
  });
  it('ranks ties together and orders questions hardest first', () => {
    const r = rankBy([{ n: 'a', s: 5 }, { n: 'b', s: 9 }, { n: 'c', s: 5 }, { n: 'd', s: 1 }], (x) => x.s, (a, b) => a.n.localeCompare(b.n));
    expect(r.map((x) => `${x.n}${x.rank}`)).toEqual(['b1', 'a2', 'c2', 'd4']);
    const rates = correctRates([{ questions: [{ questionId: 'x', correct: true }, { questionId: 'y', correct: false }] }, { questions: [{ questionId: 'x', correct: false }, { questionId: 'y', correct: false }] }]);
    expect(rates.map((q) => [q.questionId, q.correctRate])).toEqual([['y', 0], ['x', 0.5]]);
  });
});
